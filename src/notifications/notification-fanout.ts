import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { subjectKey } from '../auth/subject.js';
import { Clock } from '../clock/clock.js';
import { type DirectoryPerson, type NotificationKind, type NotificationSettings, PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { type ConsumedEvent, type OutboxEvent, OutboxService } from '../webhooks/outbox.service.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { type TaskEventData, taskMessage } from './messages.js';
import { NotificationDeliveriesRepository, type NewDelivery } from './repositories/notification-deliveries.repository.js';
import { type NewNotification, NotificationsRepository } from './repositories/notifications.repository.js';
import { MailSender } from './senders.js';

const BATCH = 100;

interface TaskEvent extends TaskEventData {
  assignee?: string | null;
  via?: 'claim' | 'delegate';
  returnedTo?: string | null;
  barred?: string[];
}

type Recipient = { person: DirectoryPerson; kind: NotificationKind };

/**
 * Reads task events from the outbox with its own durable cursor (OutboxService.consume) and turns
 * each into notifications: for every person it concerns, by their effective settings, an in-app
 * notification and an e-mail or chat delivery (at once, or queued for the daily digest). What it
 * writes commits with the cursor's move, so each event is fanned out exactly once, and never in
 * the request that caused it.
 */
@Injectable()
export class NotificationFanout implements OnModuleInit, BackgroundWorker {
  readonly name = 'notification-fanout';
  private readonly publicUrl: string;

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxService,
    private readonly people: PeopleDirectory,
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly mail: MailSender,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  async runOnce(signal?: AbortSignal): Promise<number> {
    let handled = 0;
    while (!signal?.aborted) {
      const n = await this.db.transaction((m) => this.outbox.consume(m, 'notifications', BATCH, (events) => this.fanOut(m, events)));
      handled += n ?? 0;
      if (!n || n < BATCH) break;
    }
    return handled;
  }

  private async fanOut(m: EntityManager, events: ConsumedEvent[]): Promise<void> {
    const now = this.clock.now();
    const inApp: NewNotification[] = [];
    const outgoing: NewDelivery[] = [];
    const announcements: OutboxEvent[] = [];
    const settings = new Map<string, NotificationSettings>();
    for (const event of events) {
      const recipients = await this.recipients(event, announcements);
      const unknown = recipients.map((r) => r.person.id).filter((id) => !settings.has(id));
      if (unknown.length) for (const [id, found] of await this.people.notificationSettingsOf(unknown)) settings.set(id, found);
      const data = event.data as unknown as TaskEvent;
      for (const { person, kind } of recipients) {
        const found = settings.get(person.id);
        // Removed from the directory since: nobody to tell.
        if (!found) continue;
        const preference = found.preferences[kind];
        const message = taskMessage(kind, data, this.publicUrl);
        const chat = found.chat;
        const base = { person_id: person.id, recipient: person.identity, kind, event_id: event.id, message };
        const status = preference.digest === 'daily' ? 'queued' : 'pending';
        for (const channel of preference.channels) {
          if (channel === 'in-app') {
            inApp.push({ ...base, task_id: data.id, title: message.title, body: message.body, link: message.link });
          } else if (channel === 'email') {
            const off = this.mail.off ?? (person.email ? undefined : 'the person has no e-mail address');
            outgoing.push({ ...base, channel, target: { email: person.email }, status: off ? 'skipped' : status, last_error: off ?? null });
          } else {
            outgoing.push(
              chat
                ? { ...base, channel, target: chat, status, last_error: null }
                : { ...base, channel, target: { missing: 'chat' }, status: 'skipped', last_error: 'no chat target in the notification settings' },
            );
          }
        }
      }
    }
    await this.notifications.insert(m, inApp, now);
    await this.deliveries.insert(m, outgoing, now);
    for (const event of announcements) await this.outbox.publish(m, event);
  }

  /** Who an event concerns, and as what kind of notification; the actor of a change is not told of it. */
  private async recipients(event: ConsumedEvent, announcements: OutboxEvent[]): Promise<Recipient[]> {
    const data = event.data as unknown as TaskEvent;
    // A timer on a task that has no row (never opened) has nothing to link to.
    if (!data.id) return [];
    const as = (kind: NotificationKind) => (people: DirectoryPerson[]) => people.map((person) => ({ person, kind }));
    const one = async (identity: string | null | undefined) => {
      const person = identity ? await this.people.byIdentity(identity) : undefined;
      return person?.active ? [person] : [];
    };
    const assigneeOrCandidates = () => (data.assignee ? one(data.assignee) : this.people.withAnyRole(data.candidateRoles ?? []));
    switch (event.type) {
      case 'task.created': {
        // Who segregation of duties bars from completing the task is not offered it.
        const barred = new Set((data.barred ?? []).map(subjectKey));
        const people = (await this.people.withAnyRole(data.candidateRoles ?? [])).filter((person) => !barred.has(subjectKey(person.identity)));
        if (people.length !== 1) return as('task-available')(people);
        announcements.push({
          type: 'task.waiting-on-you',
          subject: { type: 'task', id: data.id },
          data: { id: data.id, name: data.name, person: people[0].identity, candidateRoles: data.candidateRoles ?? [] },
        });
        return as('approval-waiting-on-you')(people);
      }
      case 'task.assigned':
        return data.via === 'delegate' && data.assignee !== data.by ? as('task-assigned')(await one(data.assignee)) : [];
      case 'task.completed':
        return as('work-returned')(await one(data.returnedTo));
      case 'task.due-soon':
        return as('task-due-soon')(await assigneeOrCandidates());
      case 'task.overdue':
        return as('task-overdue')(await assigneeOrCandidates());
      case 'task.reminder':
        return as('task-reminder')(await assigneeOrCandidates());
      case 'task.escalated':
        return as('task-escalated')(await assigneeOrCandidates());
      default:
        return [];
    }
  }
}
