/** Support for the lifecycle walks of processes/*.bpmn (imported by *.spec.ts only). */
import type { CompiledProcess } from './compile.js';
import type { Wait } from './runner.js';
import { deploy, Driver, fakeHooks, type FakeHooks, processFile, ruleSetKeys } from './spec-helpers.js';

export const T0 = '2026-01-15T09:00:00.000Z';
/** The service-task handlers the app implements for these processes. */
export const HANDLERS = [
  'ai-system.load-facts',
  'ai-system.confirm-roles',
  'ai-system.set-status',
  'nonconformity.raise',
  'nonconformity.update',
  'impact-assessment.open',
  'impact-assessment.update',
  'risk.rate-all',
  'risk.register',
  'risk.update',
  'audit.update',
  'audit.raise-findings',
  'audit.open-majors',
  'audit.start-next-cycle',
  'incident.update',
  'incident.classify',
  'incident.remind',
  'incident.record-submission',
  'incident.raise-nonconformity',
  'policy.update',
  'policy.publish',
  'policy.schedule-review',
  'policy.remind',
  'objective.record-judgement',
  'objective.remind',
  'management-review.compile-input',
  'management-review.record-outcome',
];
export const RULE_SETS = ruleSetKeys();

export type Vars = Record<string, unknown>;
type RuleTable = Record<string, (facts: Vars) => unknown>;
type HandlerTable = Record<string, (input: Vars) => Vars | void>;

export interface World {
  hooks: FakeHooks;
  /** Handler calls since the last look, as [name, input]. */
  calls(): Array<[string, Vars]>;
  /** Rule evaluations since the last look, as [key, facts]. */
  rules(): Array<[string, Vars]>;
}

export function world(rules: RuleTable, handlers: HandlerTable = {}): World {
  const hooks = fakeHooks(T0);
  let decision = 0;
  hooks.evaluateRuleSet.mockImplementation(async (key, facts) => {
    const rule = rules[key];
    if (!rule) throw new Error(`no fake outcome for rule set ${key}`);
    return { result: rule(facts), decisionId: `dec-${++decision}` };
  });
  hooks.callHandler.mockImplementation(async (name, input) => handlers[name]?.(input));
  let seenCalls = 0;
  let seenRules = 0;
  return {
    hooks,
    calls: () => hooks.callHandler.mock.calls.slice(seenCalls, (seenCalls = hooks.callHandler.mock.calls.length)).map(([name, input]) => [name, input]),
    rules: () => hooks.evaluateRuleSet.mock.calls.slice(seenRules, (seenRules = hooks.evaluateRuleSet.mock.calls.length)).map(([key, facts]) => [key, facts]),
  };
}

const deployed = new Map<string, Promise<CompiledProcess>>();
export function lifecycle(key: string): Promise<CompiledProcess> {
  if (!deployed.has(key)) deployed.set(key, deploy(processFile(key), { handlers: HANDLERS }));
  return deployed.get(key) as Promise<CompiledProcess>;
}

/** The user-task wait of an element as the app sees it (name, roles, segregation of duties, form field names). */
export function task(
  d: Driver,
  elementId: string,
): { name: string; roles: string[]; separateFrom: string[]; separateFromSubjects?: string[]; form: string[]; dueAt?: string } {
  const w = d.wait(elementId);
  if (w.kind !== 'userTask') throw new Error(`${elementId} is not a user task wait`);
  return {
    name: w.name,
    roles: w.candidateRoles,
    separateFrom: w.separateFrom,
    ...(w.separateFromSubjects ? { separateFromSubjects: w.separateFromSubjects } : {}),
    form: w.form.map((f) => f.name),
    ...(w.dueAt ? { dueAt: w.dueAt } : {}),
  };
}

export function userWaits(d: Driver, elementId: string): Array<Extract<Wait, { kind: 'userTask' }>> {
  return d.waits.filter((w): w is Extract<Wait, { kind: 'userTask' }> => w.kind === 'userTask' && w.elementId === elementId);
}

export function keys(d: Driver): string[] {
  return d.waits.map((w) => w.key);
}

/** Completes every item of a multi-instance user task: decisions by role, each by its own person. */
export async function decideAll(d: Driver, elementId: string, decisions: Record<string, string>, by: Record<string, string> = {}): Promise<void> {
  for (const w of userWaits(d, elementId)) {
    const role = w.candidateRoles[0];
    await d.send({
      type: 'task.complete',
      waitKey: w.key,
      variables: { decision: decisions[role] ?? 'approve', comments: `${role} says ${decisions[role] ?? 'approve'}` },
      completedBy: by[role] ?? `${role}-person`,
    });
  }
}

export async function completeChild(d: Driver, elementId: string, variables: Vars, index?: number): Promise<void> {
  const w = d.waits.find((x) => x.kind === 'child' && x.elementId === elementId && (index === undefined || x.item?.index === index));
  if (!w) throw new Error(`no child wait for ${elementId}: ${JSON.stringify(d.waits)}`);
  await d.send({ type: 'child.complete', waitKey: w.key, variables });
}

export const addMonths = (iso: string, months: number): string => {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
};
export const addDays = (iso: string, days: number): string => new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
