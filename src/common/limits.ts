/** Largest request body accepted (JSON or BPMN XML); larger ones get 413. Rule sets and BPMN files are far smaller. */
export const BODY_LIMIT = '1mb';
