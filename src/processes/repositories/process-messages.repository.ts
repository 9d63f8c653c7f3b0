import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlOne } from '../../database/sql.js';

/** The only code that reads and writes `process_messages`: every message received, and its result for de-duplication. */
@Injectable()
export class ProcessMessagesRepository {
  /** Stores a message; undefined when one with the same message id exists (a concurrent first one holds the index entry until it commits). */
  async insert(
    m: EntityManager,
    message: { messageId: string | null; name: string; correlationKey: string | null; variables: Record<string, unknown>; sentBy: string; receivedAt: Date },
  ): Promise<string | undefined> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO process_messages (message_id, name, correlation_key, variables, sent_by, received_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING RETURNING id`,
      [message.messageId, message.name, message.correlationKey, JSON.stringify(message.variables), message.sentBy, message.receivedAt],
    );
    return row?.id;
  }

  async resultOf<T>(m: EntityManager, messageId: string): Promise<T | undefined> {
    return (await sqlOne<{ result: T }>(m, `SELECT result FROM process_messages WHERE message_id = $1`, [messageId]))?.result;
  }

  async setResult(m: EntityManager, id: string, result: unknown): Promise<void> {
    await m.query(`UPDATE process_messages SET result = $2 WHERE id = $1`, [id, JSON.stringify(result)]);
  }
}
