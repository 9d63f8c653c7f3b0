import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { WriteStatement } from '../database/write-statement.js';
import type { EventType } from './event-types.js';
import { type ConsumedEvent, OutboxEventsRepository } from './repositories/outbox-events.repository.js';

export type { ConsumedEvent } from './repositories/outbox-events.repository.js';

/** Durable readers of the outbox besides the webhook fan-out; each has a cursor row (created by its migration). */
export type OutboxConsumer = 'notifications';

export interface OutboxEvent {
  type: EventType;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

/**
 * Writes an event in the caller's transaction, with one delivery per matching subscription: it
 * commits with the change or not at all, and a slow receiver never slows the change.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly clock: Clock,
    private readonly events: OutboxEventsRepository,
  ) {}

  async publish(manager: EntityManager, event: OutboxEvent): Promise<void> {
    const stmt = new WriteStatement();
    this.publishIn(stmt, [event]);
    await stmt.run(manager);
  }

  /** Adds the events (and their deliveries) to a statement that writes the change itself. */
  publishIn(stmt: WriteStatement, events: OutboxEvent[]): void {
    if (!events.length) return;
    this.events.publishIn(
      stmt,
      this.clock.now(),
      events.map((event) => ({ type: event.type, subject_type: event.subject.type, subject_id: event.subject.id, data: event.data })),
    );
  }

  /**
   * Hands the next events (at most `limit`) to a durable consumer in the caller's transaction and
   * moves its cursor past them in the same transaction: what `handle` writes commits with the move,
   * so each event is handled exactly once, and none is skipped (see OutboxEventsRepository.between).
   * Undefined when another replica is consuming right now.
   */
  async consume(m: EntityManager, consumer: OutboxConsumer, limit: number, handle: (events: ConsumedEvent[]) => Promise<void>): Promise<number | undefined> {
    const cursor = await this.events.lockCursor(m, consumer);
    if (!cursor) return undefined;
    const target = cursor.target ?? cursor.now;
    const from = cursor.target && cursor.xactId && cursor.seq ? { xactId: cursor.xactId, seq: cursor.seq } : null;
    const events = await this.events.between(m, cursor.seen, target, from, limit);
    if (events.length) await handle(events);
    const last = events[events.length - 1];
    // A full batch may have more of `target` behind it; otherwise everything in `target` is handled.
    const to =
      events.length === limit ? { seen: cursor.seen, target, xactId: last.xactId, seq: last.seq } : { seen: target, target: null, xactId: null, seq: null };
    await this.events.moveCursor(m, consumer, to, this.clock.now());
    return events.length;
  }
}
