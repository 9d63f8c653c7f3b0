import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlOne } from '../../database/sql.js';

export interface NewMessage {
  messageId: string | null;
  name: string;
  correlationKey: string | null;
  variables: Record<string, unknown>;
  timeToLiveMs: number;
  sentBy: string;
  receivedAt: Date;
}

/** What a message id was first used for: a repeat must carry the same content to get its result back. */
export interface StoredMessage {
  name: string;
  correlation_key: string | null;
  variables: Record<string, unknown>;
  time_to_live_ms: string;
  result: unknown;
}

export interface BufferedMessage {
  id: string;
  correlation_key: string | null;
  message_id: string | null;
  name: string;
  variables: Record<string, unknown>;
  sent_by: string;
}

/** The only code that reads and writes `process_messages`: every message received, its result for de-duplication, and the buffer. */
@Injectable()
export class ProcessMessagesRepository {
  /** Stores a message; undefined when one with the same message id exists (a concurrent first one holds the index entry until it commits). */
  async insert(m: EntityManager, message: NewMessage): Promise<string | undefined> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO process_messages (message_id, name, correlation_key, variables, time_to_live_ms, sent_by, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING RETURNING id`,
      [message.messageId, message.name, message.correlationKey, JSON.stringify(message.variables), message.timeToLiveMs, message.sentBy, message.receivedAt],
    );
    return row?.id;
  }

  byMessageId(m: EntityManager, messageId: string): Promise<StoredMessage | undefined> {
    return sqlOne<StoredMessage>(m, `SELECT name, correlation_key, variables, time_to_live_ms, result FROM process_messages WHERE message_id = $1`, [
      messageId,
    ]);
  }

  async setResult(m: EntityManager, id: string, result: unknown): Promise<void> {
    await m.query(`UPDATE process_messages SET result = $2 WHERE id = $1`, [id, JSON.stringify(result)]);
  }

  /** Keeps a message that found nobody until `expiresAt`, for the first catch event that subscribes to it. */
  async buffer(m: EntityManager, id: string, expiresAt: Date): Promise<void> {
    await m.query(`UPDATE process_messages SET expires_at = $2 WHERE id = $1`, [id, expiresAt]);
  }

  /**
   * Takes the oldest buffered, unexpired message of this name and key, and marks it correlated with `delivery` added
   * to its result. The row lock makes a concurrent taker wait and then find it taken: each is correlated once.
   */
  async take(m: EntityManager, name: string, correlationKey: string | null, now: Date, delivery: object): Promise<BufferedMessage | undefined> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = (await m.query(
      `WITH taken AS (
         SELECT id FROM process_messages
          WHERE name = $1 AND correlation_key IS NOT DISTINCT FROM $2 AND expires_at > $3 AND correlated_at IS NULL
          ORDER BY received_at, id LIMIT 1 FOR UPDATE
       )
       UPDATE process_messages p SET correlated_at = $3,
              result = jsonb_set(jsonb_set(p.result, '{status}', '"correlated"'), '{deliveries}', (p.result->'deliveries') || jsonb_build_array($4::jsonb))
         FROM taken WHERE p.id = taken.id AND p.correlated_at IS NULL
       RETURNING p.id, p.message_id, p.name, p.correlation_key, p.variables, p.sent_by`,
      [name, correlationKey, now, JSON.stringify(delivery)],
    )) as [BufferedMessage[], number];
    return rows[0];
  }

  /** A new message start event takes every buffered, unexpired message of its name (whatever the key), each once, recording `start`. */
  async takeForStart(m: EntityManager, name: string, now: Date, start: object): Promise<BufferedMessage[]> {
    const [rows] = (await m.query(
      `WITH taken AS (
         SELECT id FROM process_messages
          WHERE name = $1 AND expires_at > $2 AND correlated_at IS NULL
          ORDER BY received_at, id FOR UPDATE
       )
       UPDATE process_messages p SET correlated_at = $2,
              result = jsonb_set(jsonb_set(p.result, '{status}', '"correlated"'), '{started}', (p.result->'started') || jsonb_build_array($3::jsonb))
         FROM taken WHERE p.id = taken.id AND p.correlated_at IS NULL
       RETURNING p.id, p.message_id, p.name, p.correlation_key, p.variables, p.sent_by`,
      [name, now, JSON.stringify(start)],
    )) as [BufferedMessage[], number];
    return rows;
  }
}
