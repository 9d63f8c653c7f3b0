/**
 * Every event type a webhook subscription can receive, with what it means and an example `data`.
 * Subscriptions match them exactly or with a trailing wildcard (`task.*`, `*`).
 */
export const EVENT_TYPES = {
  'ai-system.registered': {
    description: 'An AI system was registered (with its first classification).',
    example: { id: '7d0c…', name: 'CV screening assistant', riskClass: 'high', status: 'registered' },
  },
  'ai-system.status-changed': {
    description: 'An AI system changed status (the lifecycle moved it, or it was retired).',
    example: { id: '7d0c…', from: 'in-assessment', to: 'approved' },
  },
  'ai-system.reassessment-required': {
    description: 'A model or attribute change is material: a new impact assessment is due.',
    example: { id: '7d0c…', reasons: ['major-model-version'], decisionId: 'c1f2…', instanceId: '9a7e…' },
  },
  'decision.recorded': {
    description: 'A rules decision that changed state was stored (with its explanation at GET /decisions/{id}).',
    example: {
      id: 'c1f2…',
      ruleSet: 'eu-ai-act-risk-class',
      version: 1,
      subject: { type: 'ai-system', id: '7d0c…' },
      trigger: 'ai-system.registered',
      outcome: { riskClass: 'high' },
    },
  },
  'rule-set.activated': {
    description: 'A rule set version became the active one (rollback included).',
    example: { key: 'review-interval', version: 2, previousVersion: 1, source: 'api' },
  },
  'process.started': {
    description: 'A process instance started.',
    example: { id: '9a7e…', definitionKey: 'impact-assessment', definitionVersion: 1, subject: { type: 'ai-system', id: '7d0c…' } },
  },
  'process.completed': {
    description: 'A process instance reached its end.',
    example: { id: '9a7e…', definitionKey: 'impact-assessment', status: 'completed' },
  },
  'message.published': {
    description:
      'A send task, message throw event or message end event published a message (correlated like POST /messages in the same transaction). `deliveries` and `started`: the instances it reached and started.',
    example: {
      id: '5c2e…',
      name: 'assessmentDone',
      correlationKey: 'sys-7',
      variables: { score: 8 },
      instanceId: '9a7e…',
      elementId: 'Send_result',
      deliveries: [{ instanceId: '0b1d…', elementId: 'Wait_result', status: 'delivered' }],
      started: [],
    },
  },
  'signal.broadcast': {
    description:
      'A signal was broadcast (POST /signals, or a signal throw or end event: then `instanceId` and `elementId` name it) to every instance waiting for it and every definition it starts.',
    example: {
      name: 'regulationChanged',
      variables: { regulation: 'EU AI Act' },
      instanceId: null,
      elementId: null,
      deliveries: [{ instanceId: '0b1d…', elementId: 'Wait_regulation', status: 'delivered' }],
      started: [{ definitionKey: 'regulation-review', definitionVersion: 1, status: 'started', instanceId: '77aa…' }],
    },
  },
  'task.created': {
    description:
      'A user task is waiting for someone with one of its candidate roles. `barred`: subjects segregation of duties bars from completing it (the initiator, whoever completed a task it is separate from).',
    example: {
      id: '41b0…',
      name: 'Review impact assessment',
      candidateRoles: ['compliance-officer'],
      instanceId: '9a7e…',
      dueAt: '2026-12-06T09:00:00.000Z',
      barred: ['olivia'],
    },
  },
  'task.completed': {
    description:
      'A user task was completed. `returnedTo`: with an outcome that sends work back (reject, rejected, request-changes, refuse, send-back), who submitted that work (the last other person who completed a task of the instance), else null. `openItems` (multi-instance items only): the other items still open, each with `id`, `name`, `candidateRoles`, `assignee`, `dueAt` and who is `barred` from it now.',
    example: { id: '41b0…', name: 'Review impact assessment', completedBy: 'carla', outcome: 'request-changes', returnedTo: 'olivia' },
  },
  'task.assigned': {
    description:
      'A user task was claimed (`via: claim`, `by` is the assignee) or delegated (`via: delegate`, `by` handed it on). `openItems` (multi-instance items only): the other items still open, each with `id`, `name`, `candidateRoles`, `assignee`, `dueAt` and who is `barred` from it now.',
    example: { id: '41b0…', name: 'Review impact assessment', assignee: 'carla', by: 'gina', via: 'delegate', candidateRoles: ['compliance-officer'] },
  },
  'task.due-soon': {
    description: 'An open task is due within AIMSFLOW_NOTIFY_DUE_SOON_HOURS (announced once per task).',
    example: { id: '41b0…', name: 'Review impact assessment', dueAt: '2026-12-06T09:00:00.000Z', assignee: null, candidateRoles: ['compliance-officer'] },
  },
  'task.overdue': {
    description: 'An open task passed its due time (announced once per task).',
    example: { id: '41b0…', name: 'Review impact assessment', dueAt: '2026-12-06T09:00:00.000Z', assignee: 'carla', candidateRoles: ['compliance-officer'] },
  },
  'task.reminder': {
    description: 'A non-interrupting timer on a task fired: the task is still open.',
    example: { id: '41b0…', name: 'Review impact assessment', assignee: 'carla', candidateRoles: ['compliance-officer'] },
  },
  'task.escalated': {
    description: 'An interrupting timer on a task fired: the task was withdrawn and the escalation path taken.',
    example: { id: '41b0…', name: 'Review impact assessment', assignee: 'carla', candidateRoles: ['compliance-officer'], timer: 'Timer_escalate' },
  },
  'task.waiting-on-you': {
    description:
      'A task can be worked by exactly one active person in the people directory (`person`, their identity): it waits on them alone. Checked when the task is created, and for the open items of a multi-instance task each time another item is completed, claimed or delegated; announced once per task and person.',
    example: { id: '41b0…', name: 'Approve deployment', person: 'tom', candidateRoles: ['top-management'] },
  },
  'evidence.expiring': {
    description:
      'A current (not superseded) evidence item is valid until a time within AIMSFLOW_EVIDENCE_EXPIRY_NOTICE_DAYS: collect a successor and supersede it (announced once per item).',
    example: {
      id: '6c1d…',
      fileName: 'pen-test-2026.pdf',
      description: 'Penetration test report',
      validUntil: '2026-12-31T00:00:00.000Z',
      uploadedBy: 'rosa',
      collectedBy: 'rosa',
    },
  },
  'evidence.expired': {
    description: 'A current (not superseded) evidence item passed its valid-until (announced once per item).',
    example: {
      id: '6c1d…',
      fileName: 'pen-test-2026.pdf',
      description: 'Penetration test report',
      validUntil: '2026-12-31T00:00:00.000Z',
      uploadedBy: 'rosa',
      collectedBy: 'rosa',
    },
  },
  'nonconformity.raised': {
    description: 'A nonconformity was raised (by a person, an audit finding or a process).',
    example: { id: '5e3a…', title: 'Event logs missing', severity: 'major', source: 'internal-audit' },
  },
  'incident.reported': {
    description: 'An AI incident was reported (POST /incidents); its lifecycle starts with triage.',
    example: { id: '8b1d…', systemId: '7d0c…', title: 'Triage assistant under-prioritised chest pain', effects: ['serious-harm-to-health'] },
  },
  'incident.classified': {
    description: 'The incident-reporting rules classified an incident: serious or not, and when its report to the authority is due.',
    example: { id: '8b1d…', serious: true, deadline: 'P15D', deadlineAt: '2027-03-17T10:00:00.000Z', basis: ['Art. 3(49)', 'Art. 73(2)'] },
  },
  'incident.report-due': {
    description: 'The report of a serious incident is due soon (the reminder lead time of the rules) and not submitted yet.',
    example: { id: '8b1d…', deadlineAt: '2027-03-17T10:00:00.000Z' },
  },
  'incident.report-overdue': {
    description: 'The reporting deadline of a serious incident passed with no report submitted (escalation).',
    example: { id: '8b1d…', deadlineAt: '2027-03-17T10:00:00.000Z' },
  },
  'incident.submitted': {
    description: 'The report of a serious incident was submitted to the market surveillance authority (initial or complete).',
    example: { id: '8b1d…', authority: 'Bundesnetzagentur', reference: 'MSA-2027-0412', late: false, reportComplete: true },
  },
  'policy.published': {
    description: 'A policy version was published (it supersedes the version named in `supersedes`).',
    example: { id: '3c9e…', seriesId: '3c9e…', version: 1, title: 'AI policy', supersedes: null },
  },
  'policy.acknowledgement-reminder': {
    description: 'A week passed and some people holding the roles a published policy names have not acknowledged it.',
    example: { id: '3c9e…', pending: ['oscar'] },
  },
  'objective.breached': {
    description: 'A measurement of an AI objective breached its target (objective-breach rules); a nonconformity was raised.',
    example: { id: '6a2f…', measurementId: '0b7c…', value: 88.5, target: 95, severity: 'minor', nonconformityId: '5e3a…' },
  },
  'objective.measurement-missing': {
    description: 'A measurement of an AI objective is past its due date.',
    example: { id: '6a2f…', title: 'Screening accuracy', dueAt: '2027-02-01T00:00:00.000Z' },
  },
  'audit.stage-changed': { description: 'An audit moved to another stage.', example: { id: '2f6d…', type: 'certification', from: 'stage-2', to: 'certified' } },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

/** `task.*` matches `task.created`; `*` matches everything. */
export function isValidPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return EVENT_TYPE_NAMES.some((type) => type.startsWith(pattern.slice(0, -1)));
  return (EVENT_TYPE_NAMES as string[]).includes(pattern);
}
