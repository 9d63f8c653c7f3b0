import { idAllocator, type ElementKind, type EndEventElement, isBoundary, type ParsedElement, type ParsedFlow, type ParsedProcess } from './model.js';

/**
 * Flow nodes whose token simply ends when they complete and nothing follows them. BPMN 2.0 (End Event: the implicit
 * end) says a flow node without outgoing sequence flows consumes its token: the process, or the sub-process, ends
 * once every token has been consumed — exactly what a none end event after it does. Gateways are left out (a gateway
 * without a way out is a modelling error, reported as such).
 */
const ENDS_IMPLICITLY = new Set<ElementKind>([
  'startEvent',
  'userTask',
  'businessRuleTask',
  'serviceTask',
  'scriptTask',
  'callActivity',
  'subProcess',
  'passThrough',
  'escalationThrow',
  'publish',
  'timerCatch',
  'messageCatch',
  'signalCatch',
  'boundaryTimer',
  'boundaryMessage',
  'boundarySignal',
  'boundaryError',
  'boundaryEscalation',
  // Refused anyway; ending it keeps "no end event" from hiding the real reason.
  'unsupported',
]);

/** The suffix of the none end event put after a flow node that has no outgoing flow. */
export const IMPLICIT_END_SUFFIX = '__implicitEnd';

/**
 * The process with a none end event (id `<element>__implicitEnd`, in the element's scope) after every flow node
 * that ends its path implicitly, so validation and compilation only ever see explicit ends.
 */
export function withImplicitEnds(p: ParsedProcess): ParsedProcess {
  const unique = idAllocator(p);
  const byId = new Map(p.elements.map((e) => [e.id, e]));
  // Nothing inside an event sub-process ends implicitly: it is started by its event, off the scope's flow, and needs its own end event.
  const inEventSub = (el: ParsedElement): boolean => {
    for (let parent = el.parent; parent !== undefined; parent = byId.get(parent)?.parent) if (byId.get(parent)?.kind === 'eventSubProcess') return true;
    return false;
  };
  const added: EndEventElement[] = [];
  const flows: ParsedFlow[] = [];
  const elements: ParsedElement[] = p.elements.map((el) => {
    // A node with no flow at all (start and boundary events aside) is unreachable, or an event sub-process or compensation
    // handler, which are not on any path.
    if (el.outgoing.length > 0 || !ENDS_IMPLICITLY.has(el.kind) || inEventSub(el)) return el;
    if (el.incoming.length === 0 && el.kind !== 'startEvent' && !isBoundary(el)) return el;
    const endId = unique(`${el.id}${IMPLICIT_END_SUFFIX}`);
    const flow: ParsedFlow = { id: unique(`${endId}_flow`), source: el.id, target: endId };
    flows.push(flow);
    added.push({
      kind: 'endEvent',
      id: endId,
      type: 'bpmn:EndEvent',
      name: `implicit end after ${el.name ?? el.id}`,
      incoming: [flow.id],
      outgoing: [],
      terminate: false,
      ...(el.parent ? { parent: el.parent } : {}),
    });
    return { ...el, outgoing: [flow.id] };
  });
  return added.length ? { ...p, elements: [...elements, ...added], flows: [...p.flows, ...flows] } : p;
}
