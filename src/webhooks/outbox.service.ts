import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { WriteStatement } from '../database/write-statement.js';
import type { EventType } from './event-types.js';
import { OutboxEventsRepository } from './repositories/outbox-events.repository.js';

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
}
