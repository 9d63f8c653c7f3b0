/** The AI policy of clause 5.2 / Annex A.2.2, or a topic-specific policy aligned with it (A.2.3). */
export const POLICY_KINDS = ['ai-policy', 'topic-specific'] as const;

/** Register statuses, set by the ai-policy process (processes/ai-policy.bpmn). */
export const POLICY_STATUSES = ['in-review', 'changes-requested', 'awaiting-approval', 'published', 'revision-due', 'superseded', 'withdrawn'] as const;

/** A policy version its process is still working on before publication (a cancelled process withdraws these). */
export const POLICY_IN_PROGRESS = ['in-review', 'changes-requested', 'awaiting-approval'] as const;
