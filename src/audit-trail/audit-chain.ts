import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that the chain covers. */
export interface ChainedEvent {
  id: string;
  seq: string;
  occurredAt: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** hash = sha256(previousHash + canonical JSON of the event). */
export function chainHash(previousHash: string, event: ChainedEvent): string {
  const body = canonicalJson({
    id: event.id,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId ?? null,
  });
  return createHash('sha256')
    .update(previousHash + body)
    .digest('hex');
}
