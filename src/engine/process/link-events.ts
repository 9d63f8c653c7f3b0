import type { ModdleElement } from 'bpmn-moddle';

type Create = (type: string, attrs: Record<string, unknown>) => ModdleElement;

const asList = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);

/** The link name of an intermediate event whose only event definition is a link, else undefined. */
function linkName(el: ModdleElement): string | undefined {
  const definitions = asList(el.eventDefinitions);
  if (definitions.length !== 1 || definitions[0].$type !== 'bpmn:LinkEventDefinition') return undefined;
  return (definitions[0].name as string | undefined) ?? el.name;
}

/**
 * Link events are a goto drawn as two events: a link throw event continues at the link catch event of the same name
 * in the same process or sub-process (BPMN 2.0, Link Event). Before the process is read, each pair whose name
 * matches exactly one catch event is rewritten as what it means: a sequence flow from the throw event to the catch
 * event, both becoming none intermediate events (the token passes through them). A throw event whose name matches
 * no catch event, or several, is left as it is and refused.
 */
export function resolveLinkEvents(container: ModdleElement, create: Create): void {
  const elements = asList(container.flowElements);
  for (const el of elements) if (el.$type === 'bpmn:SubProcess') resolveLinkEvents(el, create);
  const catches = elements.filter((el) => el.$type === 'bpmn:IntermediateCatchEvent' && linkName(el) !== undefined);
  const throws = elements.filter((el) => el.$type === 'bpmn:IntermediateThrowEvent' && linkName(el) !== undefined);
  const replaced = new Map<ModdleElement, ModdleElement>();
  for (const thrower of throws) {
    const targets = catches.filter((c) => linkName(c) === linkName(thrower));
    if (targets.length !== 1) continue;
    const [target] = targets;
    let passThrough = replaced.get(target);
    if (!passThrough) {
      passThrough = create('bpmn:IntermediateThrowEvent', { id: target.id, name: target.name });
      passThrough.$parent = container;
      replaced.set(target, passThrough);
    }
    thrower.eventDefinitions = [];
    const flow = create('bpmn:SequenceFlow', { id: `${thrower.id}__link`, sourceRef: thrower, targetRef: passThrough });
    flow.$parent = container;
    elements.push(flow);
  }
  if (!replaced.size) return;
  for (const el of elements) {
    if (el.$type === 'bpmn:SequenceFlow' && replaced.has(el.sourceRef as ModdleElement)) el.sourceRef = replaced.get(el.sourceRef as ModdleElement);
  }
  container.flowElements = elements.map((el) => replaced.get(el) ?? el);
}
