/** Largest request body accepted (JSON or BPMN XML); larger ones get 413. Rule sets and BPMN files are far smaller. */
export const BODY_LIMIT = '1mb';
/** The same limit in bytes, as Fastify takes it (body-parser reads '1mb' as 1024 × 1024). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
