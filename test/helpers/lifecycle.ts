import type { Role } from '../../src/auth/roles.js';
import { auth } from './processes.js';
import type { TestApp } from './test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP bodies are read as JSON */
export type Json = Record<string, any>;

/** One person: their own token, their roles. */
export interface Person {
  subject: string;
  roles: Role[];
  token: string;
}

export interface OpenTask {
  id: string;
  elementId: string;
  instanceId: string;
  name: string;
  candidateRoles: string[];
  assignee: string | null;
  dueAt: string | null;
  item: { index: number; value: unknown } | null;
  form: Array<{ name: string }>;
}

/** Segregation-of-duties rules as the task API names them. */
export const SOD = {
  initiator: 'separateFrom: initiator',
  task: (elementId: string) => `separateFrom: ${elementId}`,
  expression: 'separateFrom: a subject named by expression',
  oneItemPerPerson: 'multi-instance: one item per person',
};

const canonical = (role: string) => role.toLowerCase().replace(/_/g, '-');

/**
 * Drives the lifecycles through the HTTP API only, one token per person: find my open task of an
 * element in an instance, complete it (or be refused), move the manual clock, read the registers.
 */
export function lifecycleClient(t: TestApp) {
  const api = (path: string) => `/api/v1${path}`;
  const get = (who: Person, path: string, query: Record<string, string | number> = {}) => t.http.get(api(path)).query(query).set(auth(who.token));
  const post = (who: Person, path: string, body: Json = {}) => t.http.post(api(path)).set(auth(who.token)).send(body);

  async function person(subject: string, ...roles: Role[]): Promise<Person> {
    return { subject, roles, token: await t.tokenFor(subject, ...roles) };
  }

  /** My inbox (open tasks assigned to me or claimable with my roles) in one instance, for one element. */
  async function myTasks(who: Person, instanceId: string, elementId: string): Promise<OpenTask[]> {
    const res = await get(who, '/tasks', { limit: 500 }).expect(200);
    return (res.body.items as OpenTask[]).filter((task) => task.instanceId === instanceId && task.elementId === elementId);
  }

  /**
   * My open task of `elementId` in the instance; for a multi-instance task, the item for `role`
   * (default: the first item one of my roles may take).
   */
  async function myTask(who: Person, instanceId: string, elementId: string, role?: string): Promise<OpenTask> {
    const mine = (await myTasks(who, instanceId, elementId)).filter((task) =>
      task.candidateRoles.some((r) => (role ? r === canonical(role) : who.roles.map(canonical).includes(r))),
    );
    if (!mine.length) {
      const all = await get(who, '/tasks', { instanceId, status: 'open', limit: 500 });
      throw new Error(
        `${who.subject} has no open task ${elementId}${role ? ` (${role})` : ''} in ${instanceId}; open: ${JSON.stringify(all.body.items?.map((x: OpenTask) => [x.elementId, x.candidateRoles]))}`,
      );
    }
    return mine.sort((a, b) => (a.item?.index ?? 0) - (b.item?.index ?? 0))[0];
  }

  /** Open tasks of an element in an instance, whoever may take them (ordered by item index). */
  async function openTasks(who: Person, instanceId: string, elementId?: string): Promise<OpenTask[]> {
    const res = await get(who, '/tasks', { instanceId, status: 'open', limit: 500 }).expect(200);
    return (res.body.items as OpenTask[])
      .filter((task) => !elementId || task.elementId === elementId)
      .sort((a, b) => (a.item?.index ?? 0) - (b.item?.index ?? 0));
  }

  /** Completes my open task of the element (200), returning the completed task with `instance` and `nextTasks`. */
  async function complete(who: Person, instanceId: string, elementId: string, variables: Json = {}, role?: string): Promise<Json> {
    const task = await myTask(who, instanceId, elementId, role);
    const res = await post(who, `/tasks/${task.id}/complete`, { variables });
    if (res.status !== 200) throw new Error(`${who.subject} completing ${elementId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Tries to complete my open task and expects a 403 segregation-of-duties problem naming `rule`; the task stays open. */
  async function refused(who: Person, instanceId: string, elementId: string, variables: Json, rule: string, role?: string): Promise<Json> {
    const task = await myTask(who, instanceId, elementId, role);
    const res = await post(who, `/tasks/${task.id}/complete`, { variables });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 403, code: 'segregation-of-duties', rule, detail: expect.stringContaining(rule) });
    // Nothing happened: the task is open, held by whoever held it before (a refusal claims nothing).
    const after = await get(who, `/tasks/${task.id}`).expect(200);
    expect(after.body).toMatchObject({ status: 'open', assignee: task.assignee });
    return res.body;
  }

  /** Moves the manual clock; returns what fired. */
  async function advance(who: Person, duration: string): Promise<Array<Json>> {
    const res = await post(who, '/clock/advance', { duration }).expect(200);
    for (const fired of res.body.fired as Json[]) {
      if (fired.outcome !== 'fired') throw new Error(`a job did not fire cleanly: ${JSON.stringify(fired)}`);
    }
    return res.body.fired;
  }

  const instance = async (who: Person, id: string): Promise<Json> => (await get(who, `/process-instances/${id}`).expect(200)).body;
  const history = async (who: Person, id: string): Promise<Json[]> =>
    (await get(who, `/process-instances/${id}/history`, { limit: 500 }).expect(200)).body.items;

  /** The children of an instance started for one call activity element, oldest first. */
  async function children(who: Person, parentId: string, definitionKey: string): Promise<Json[]> {
    return ((await instance(who, parentId)).children as Json[]).filter((c) => c.definitionKey === definitionKey);
  }

  /** The newest child of `definitionKey`, which must be active. */
  async function activeChild(who: Person, parentId: string, definitionKey: string): Promise<string> {
    const active = (await children(who, parentId, definitionKey)).filter((c) => c.status === 'active');
    if (active.length !== 1) throw new Error(`expected one active ${definitionKey} child of ${parentId}, found ${JSON.stringify(active)}`);
    return active[0].id;
  }

  /** Every decision id the instance's history links to a step. */
  async function decisionIds(who: Person, id: string): Promise<string[]> {
    return (await history(who, id)).flatMap((h) => h.decisionIds as string[]);
  }

  /** The stored decision, for its rule set, trigger and outcome. */
  const decision = async (who: Person, id: string): Promise<Json> => (await get(who, `/decisions/${id}`).expect(200)).body;

  /** Audit events of one actor, oldest first (the reader needs an auditor role). */
  async function auditEventsBy(reader: Person, actor: string, query: Record<string, string> = {}): Promise<Json[]> {
    const res = await get(reader, '/audit-events', { actor, limit: 500, ...query }).expect(200);
    return (res.body.items as Json[]).slice().reverse();
  }

  /** Which elements' tasks this actor completed in one instance, in order. */
  async function tasksCompletedBy(reader: Person, actor: string, instanceId: string): Promise<string[]> {
    return (await auditEventsBy(reader, actor, { action: 'task.completed' }))
      .filter((e) => e.after?.instanceId === instanceId)
      .map((e) => e.after.elementId as string);
  }

  const system = async (who: Person, id: string): Promise<Json> => (await get(who, `/ai-systems/${id}`).expect(200)).body;

  /** Registers an AI system; its onboarding starts with it. Returns the system and its onboarding instance id. */
  async function register(who: Person, body: Json): Promise<{ system: Json; onboardingId: string }> {
    const res = await post(who, '/ai-systems', body).expect(201);
    const list = await get(who, '/process-instances', { definitionKey: 'ai-system-onboarding', subjectType: 'ai-system', subjectId: res.body.id }).expect(200);
    expect(list.body.items).toHaveLength(1);
    return { system: res.body, onboardingId: list.body.items[0].id };
  }

  return {
    get,
    post,
    person,
    myTasks,
    myTask,
    openTasks,
    complete,
    refused,
    advance,
    instance,
    history,
    children,
    activeChild,
    decisionIds,
    decision,
    auditEventsBy,
    tasksCompletedBy,
    system,
    register,
  };
}

export type LifecycleClient = ReturnType<typeof lifecycleClient>;

/** One dimension of an impact assessment. */
export function dimension(severity: number, likelihood: number, description = 'assessed'): Json {
  return { description, affectedParties: 'those concerned', severity, likelihood, mitigations: 'human review of every outcome' };
}

/** A draft with every dimension at the given severity and likelihood. */
export function draft(severity = 1, likelihood = 2, summary = 'first draft'): Json {
  return { individuals: dimension(severity, likelihood), groups: dimension(1, 1), society: dimension(1, 1), organisation: dimension(1, 1), summary };
}

export const minimalSystem = (name: string): Json => ({
  name,
  intendedPurpose: 'Filter spam out of the support inbox',
  roles: ['deployer'],
  attributes: { useCases: ['spam-filtering'] },
});

export const highRiskSystem = (name: string): Json => ({
  name,
  intendedPurpose: 'Shortlist applicants',
  roles: ['deployer'],
  thirdParty: true,
  attributes: { useCases: ['recruitment'], profilesNaturalPersons: true, processesPersonalData: true, art6_3Derogation: 'none' },
});

/** Who plays which part in an impact assessment. */
export interface AssessmentCast {
  drafter: Person;
  reviewer: Person;
  /** One per required approver role, in any order: each takes the item of their role. */
  approvers: Person[];
  /** Completes the FRIA where EU AI Act Art. 27 applies. */
  dpo?: Person;
  /** Default: every approver approves. */
  decisions?: Record<string, 'approve' | 'reject'>;
  dimensions?: Json;
}

/** Drives one impact-assessment instance from draft to its end, straight through (no rejection loop). */
export async function driveAssessment(lc: LifecycleClient, instanceId: string, cast: AssessmentCast): Promise<void> {
  await lc.complete(cast.drafter, instanceId, 'Task_draft', cast.dimensions ?? draft());
  if (cast.dpo && (await lc.openTasks(cast.drafter, instanceId, 'Task_fria')).length) {
    await lc.complete(cast.dpo, instanceId, 'Task_fria', {
      fria: { processes: 'credit decisions', affectedCategories: 'applicants', humanOversight: 'analyst review' },
    });
  }
  await lc.complete(cast.reviewer, instanceId, 'Task_review', { decision: 'approve', reviewComments: 'complete' });
  for (const approver of cast.approvers) {
    const task = await lc.myTask(approver, instanceId, 'Task_approve');
    const decision = cast.decisions?.[approver.subject] ?? 'approve';
    await lc.complete(approver, instanceId, 'Task_approve', { decision, comments: `${decision} by ${approver.subject}` }, task.candidateRoles[0]);
  }
}

/** An ISO instant this many calendar months later (UTC), as the engine computes P<n>M. */
export function addMonths(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}
