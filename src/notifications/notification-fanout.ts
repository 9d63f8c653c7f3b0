import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { subjectKey } from '../auth/subject.js';
import { Clock } from '../clock/clock.js';
import { type DirectoryPerson, type NotificationKind, type NotificationSettings, PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';
import { type ConsumedEvent, type OutboxEvent, OutboxService } from '../webhooks/outbox.service.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { type EvidenceEventData, evidenceMessage, type TaskEventData, taskMessage } from './messages.js';
import { NotificationDeliveriesRepository, type NewDelivery } from './repositories/notification-deliveries.repository.js';
import { type NewNotification, NotificationsRepository } from './repositories/notifications.repository.js';
import { WaitingNoticesRepository } from './repositories/waiting-notices.repository.js';
import { MailSender } from './senders.js';

const BATCH = 100;

/** Another open item of a multi-instance task, as `task.completed` and `task.assigned` carry it (OpenItem of the tasks module). */
interface OpenItem {
  id: string;
  name: string;
  candidateRoles: string[];
  assignee: string | null;
  dueAt: string | null;
  barred: string[];
}

interface TaskEvent extends TaskEventData {
  /** What the task's process instance is about. */
  subject?: { type: string; id: string };
  assignee?: string | null;
  via?: 'claim' | 'delegate';
  returnedTo?: string | null;
  barred?: string[];
  openItems?: OpenItem[];
  /** Evidence events: who uploaded the item. */
  uploadedBy?: string;
}

/** Who is told, of what, and about which task (the event's own, unless another item of it). */
type Recipient = { person: DirectoryPerson; kind: NotificationKind; task: TaskEventData };

/**
 * Reads task and evidence expiry events from the outbox with its own durable cursor (OutboxService.consume) and turns
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
    private readonly notices: WaitingNoticesRepository,
    private readonly subjects: SubjectTypes,
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
    const names = new Map<string, string | undefined>();
    for (const event of events) {
      const recipients = await this.onlyFirstWaitingNotices(m, await this.recipients(event), announcements, now);
      const unknown = recipients.map((r) => r.person.id).filter((id) => !settings.has(id));
      if (unknown.length) for (const [id, found] of await this.people.notificationSettingsOf(unknown)) settings.set(id, found);
      const about = (event.data as unknown as TaskEvent).subject;
      const subjectName = about && recipients.length ? await this.subjectName(m, about, names) : undefined;
      for (const { person, kind, task: data } of recipients) {
        const found = settings.get(person.id);
        // Removed from the directory since: nobody to tell.
        if (!found) continue;
        const preference = found.preferences[kind];
        const evidence = kind === 'evidence-expiring' || kind === 'evidence-expired';
        const message = evidence
          ? evidenceMessage(kind, event.data as unknown as EvidenceEventData, this.publicUrl)
          : taskMessage(kind, data, this.publicUrl, subjectName);
        const chat = found.chat;
        const base = { person_id: person.id, recipient: person.identity, kind, event_id: event.id, message };
        const status = preference.digest === 'daily' ? 'queued' : 'pending';
        for (const channel of preference.channels) {
          if (channel === 'in-app') {
            inApp.push({ ...base, task_id: evidence ? null : data.id, title: message.title, body: message.body, link: message.link });
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
  private async recipients(event: ConsumedEvent): Promise<Recipient[]> {
    const data = event.data as unknown as TaskEvent;
    // A timer on a task that has no row (never opened) has nothing to link to.
    if (!data.id) return [];
    const as = (kind: NotificationKind) => (people: DirectoryPerson[]) => people.map((person) => ({ person, kind, task: data }));
    const one = async (identity: string | null | undefined) => {
      const person = identity ? await this.people.byIdentity(identity) : undefined;
      return person?.active ? [person] : [];
    };
    const assigneeOrCandidates = () => (data.assignee ? one(data.assignee) : this.people.withAnyRole(data.candidateRoles ?? []));
    switch (event.type) {
      case 'task.created': {
        const people = await this.eligible(data.candidateRoles ?? [], data.barred ?? []);
        return people.length === 1 ? as('approval-waiting-on-you')(people) : as('task-available')(people);
      }
      case 'task.assigned': {
        const assigned = data.via === 'delegate' && data.assignee !== data.by ? as('task-assigned')(await one(data.assignee)) : [];
        return [...assigned, ...(await this.waitingOnOne(data.openItems ?? [], data.assignee))];
      }
      case 'task.completed':
        return [...as('work-returned')(await one(data.returnedTo)), ...(await this.waitingOnOne(data.openItems ?? []))];
      case 'task.due-soon':
        return as('task-due-soon')(await assigneeOrCandidates());
      case 'task.overdue':
        return as('task-overdue')(await assigneeOrCandidates());
      case 'task.reminder':
        return as('task-reminder')(await assigneeOrCandidates());
      case 'task.escalated':
        return as('task-escalated')(await assigneeOrCandidates());
      case 'evidence.expiring':
      case 'evidence.expired': {
        // The uploader, and whoever governs the management system; each once.
        const people = [...(await one(data.uploadedBy)), ...(await this.people.withAnyRole(['governance']))];
        const unique = [...new Map(people.map((person) => [person.id, person])).values()];
        return as(event.type === 'evidence.expiring' ? 'evidence-expiring' : 'evidence-expired')(unique);
      }
      default:
        return [];
    }
  }

  /** What people call the subject, through the register that owns it (looked up once per batch). */
  private async subjectName(m: EntityManager, subject: { type: string; id: string }, names: Map<string, string | undefined>): Promise<string | undefined> {
    const key = `${subject.type}/${subject.id}`;
    if (!names.has(key)) names.set(key, await this.subjects.displayName(m, subject));
    return names.get(key);
  }

  /** Active holders of the roles whom segregation of duties does not bar (who is barred is not offered the task). */
  private async eligible(roles: string[], barred: string[]): Promise<DirectoryPerson[]> {
    const out = new Set(barred.map(subjectKey));
    return (await this.people.withAnyRole(roles)).filter((person) => !out.has(subjectKey(person.identity)));
  }

  /**
   * After an item of a multi-instance approval completes or is claimed: each other unclaimed item
   * that now only one person may act on (neither barred nor holding another item) waits on them.
   */
  private async waitingOnOne(items: OpenItem[], assignee?: string | null): Promise<Recipient[]> {
    const holding = [assignee, ...items.map((item) => item.assignee)].filter((who): who is string => !!who);
    const found: Recipient[] = [];
    for (const item of items.filter((i) => !i.assignee)) {
      const people = await this.eligible(item.candidateRoles, [...item.barred, ...holding]);
      if (people.length === 1) found.push({ person: people[0], kind: 'approval-waiting-on-you', task: item });
    }
    return found;
  }

  /**
   * "Waiting only on you" reaches a person once per task, whichever event found it; each first one
   * is also announced as `task.waiting-on-you`.
   */
  private async onlyFirstWaitingNotices(m: EntityManager, recipients: Recipient[], announcements: OutboxEvent[], now: Date): Promise<Recipient[]> {
    const waiting = recipients.filter((r) => r.kind === 'approval-waiting-on-you');
    if (!waiting.length) return recipients;
    const first = await this.notices.firstTimes(
      m,
      waiting.map((r) => ({ taskId: r.task.id, personId: r.person.id })),
      now,
    );
    return recipients.filter((r) => {
      if (r.kind !== 'approval-waiting-on-you') return true;
      const task = r.task as TaskEvent;
      if (!first.delete(`${task.id}:${r.person.id}`)) return false;
      announcements.push({
        type: 'task.waiting-on-you',
        subject: { type: 'task', id: task.id },
        data: { id: task.id, name: task.name, person: r.person.identity, candidateRoles: task.candidateRoles ?? [] },
      });
      return true;
    });
  }
}
