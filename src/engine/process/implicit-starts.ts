import { idAllocator, isBoundary, type ParsedElement, type ParsedFlow, type ParsedProcess } from './model.js';

/**
 * A process or embedded sub-process drawn without a start event. BPMN 2.0 (Start Event: "if there is no Start Event")
 * says every flow node without incoming sequence flow (boundary events aside) is started when the process or
 * sub-process is: a none start event is put in front of it — leading to that node, or to a parallel fork into all of
 * them — so the rest of the engine only ever sees explicit starts. A scope with no such node starts and ends at once
 * (implicit-ends.ts ends the added start event).
 */
export function withImplicitStarts(p: ParsedProcess): ParsedProcess {
  const unique = idAllocator(p);
  // Event sub-processes are no scopes here: their start event is their trigger, and they are never a start's target.
  const scopes: Array<{ id: string; parent?: string }> = [
    { id: p.key },
    ...p.elements.filter((e) => e.kind === 'subProcess').map((e) => ({ id: e.id, parent: e.id })),
  ];
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  const added: ParsedElement[] = [];
  const flows: ParsedFlow[] = [];
  const connect = (source: string, target: string): void => {
    const flow = { id: unique(`${source}_to_${target}`), source, target };
    flows.push(flow);
    outgoing.set(source, [...(outgoing.get(source) ?? []), flow.id]);
    incoming.set(target, [...(incoming.get(target) ?? []), flow.id]);
  };
  for (const scope of scopes) {
    const inScope = p.elements.filter((e) => e.parent === scope.parent);
    if (inScope.some((e) => e.type === 'bpmn:StartEvent')) continue;
    const sources = inScope.filter((e) => e.incoming.length === 0 && !isBoundary(e) && e.kind !== 'unsupported' && e.kind !== 'eventSubProcess');
    const where = scope.parent ? { parent: scope.parent } : {};
    const start: ParsedElement = {
      kind: 'startEvent',
      id: unique(`${scope.id}__implicitStart`),
      type: 'bpmn:StartEvent',
      name: 'implicit start',
      trigger: { kind: 'none' },
      incoming: [],
      outgoing: [],
      ...where,
    };
    added.push(start);
    if (sources.length === 1) connect(start.id, sources[0].id);
    if (sources.length > 1) {
      const fork: ParsedElement = {
        kind: 'parallelGateway',
        id: unique(`${scope.id}__implicitFork`),
        type: 'bpmn:ParallelGateway',
        incoming: [],
        outgoing: [],
        ...where,
      };
      added.push(fork);
      connect(start.id, fork.id);
      for (const source of sources) connect(fork.id, source.id);
    }
  }
  if (!added.length) return p;
  const wire = (el: ParsedElement): ParsedElement =>
    incoming.has(el.id) || outgoing.has(el.id)
      ? { ...el, incoming: [...el.incoming, ...(incoming.get(el.id) ?? [])], outgoing: [...el.outgoing, ...(outgoing.get(el.id) ?? [])] }
      : el;
  return { ...p, elements: [...p.elements, ...added].map(wire), flows: [...p.flows, ...flows] };
}
