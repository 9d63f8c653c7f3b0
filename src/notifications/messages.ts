import type { NotificationKind } from '../common/people-directory.js';

/** What a notification says about one task: stored with each delivery, rendered per channel when sent. */
export interface TaskMessage {
  kind: NotificationKind;
  taskId: string;
  taskName: string;
  /** What the task is about, as people call it (the AI system's name, the audit's title); absent when it is no register row. */
  subjectName?: string;
  title: string;
  body: string;
  /** The task in the console (or the evidence item). */
  link: string;
  /** What the link opens, when not a task. */
  linkText?: string;
}

/** The daily digest of one person on one channel: the tasks in the order they came. */
export interface DigestMessage {
  kind: 'digest';
  items: TaskMessage[];
}

export type NotificationMessage = TaskMessage | DigestMessage;

const SYSTEM = 'aimsflow';

/** An event's `data` as far as the messages read it. */
export interface TaskEventData {
  id: string;
  name: string | null;
  candidateRoles?: string[];
  dueAt?: string | null;
  by?: string;
  completedBy?: string;
  outcome?: string | null;
}

/** The task as a notification names it: with what it is about, when that has a name. */
const label = (taskName: string, subjectName?: string) => (subjectName ? `${taskName} (${subjectName})` : taskName);

/** Title and sentence of a notification of this kind about the task (and what it is about, `subjectName`). */
export function taskMessage(kind: NotificationKind, data: TaskEventData, publicUrl: string, subjectName?: string): TaskMessage {
  const name = label(data.name ?? 'A task', subjectName);
  const due = data.dueAt ? ` It is due ${data.dueAt.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC')}.` : '';
  const texts: Record<NotificationKind, [string, string]> = {
    'task-available': [`New task: ${name}`, `"${name}" waits for someone with the role ${(data.candidateRoles ?? []).join(' or ')}.${due}`],
    'task-assigned': [`Assigned to you: ${name}`, `${data.by ?? 'Someone'} handed "${name}" to you.${due}`],
    'task-due-soon': [`Due soon: ${name}`, `"${name}" is still open.${due}`],
    'task-overdue': [`Overdue: ${name}`, `"${name}" is past its due time and still open.${due}`],
    'task-reminder': [`Reminder: ${name}`, `"${name}" is still open.`],
    'task-escalated': [`Escalated: ${name}`, `"${name}" was not done in time and has been escalated.`],
    'work-returned': [
      `Sent back: ${name}`,
      `${data.completedBy ?? 'A reviewer'} completed "${name}" with "${data.outcome ?? 'returned'}": the work you submitted comes back to you.`,
    ],
    'approval-waiting-on-you': [`Waiting only on you: ${name}`, `You are the only person who can act on "${name}".${due}`],
    // Evidence kinds come through evidenceMessage; a task is never told of them.
    'evidence-expiring': [`Evidence expiring: ${name}`, `"${name}" is valid until soon.`],
    'evidence-expired': [`Evidence expired: ${name}`, `"${name}" is no longer valid.`],
  };
  const [title, body] = texts[kind];
  return {
    kind,
    taskId: data.id,
    taskName: data.name ?? 'A task',
    ...(subjectName && { subjectName }),
    title,
    body,
    link: `${publicUrl}/tasks/${data.id}`,
  };
}

/** An evidence event's `data` as far as the messages read it. */
export interface EvidenceEventData {
  id: string;
  fileName: string;
  description: string;
  validUntil: string;
}

/**
 * Title and sentence of an evidence expiry notification, linking to the item in the console. It
 * has the shape of a task message (`taskId` is the item's id) so digests and channels render it alike.
 */
export function evidenceMessage(kind: 'evidence-expiring' | 'evidence-expired', data: EvidenceEventData, publicUrl: string): TaskMessage {
  const name = data.description ? `${data.description} (${data.fileName})` : data.fileName;
  const until = data.validUntil.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
  const [title, body] =
    kind === 'evidence-expiring'
      ? [`Evidence expiring: ${name}`, `"${name}" is valid until ${until}: collect a successor and supersede it.`]
      : [`Evidence expired: ${name}`, `"${name}" was valid until ${until}: controls and tasks relying on it need a current item.`];
  return { kind, taskId: data.id, taskName: name, title, body, link: `${publicUrl}/evidence/${data.id}`, linkText: 'Open the evidence' };
}

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The e-mail of a message: plain text and simple HTML, the subject naming the task (or the digest) and the system. */
export function mailOf(message: NotificationMessage): Mail {
  if (message.kind === 'digest') {
    const n = message.items.length;
    return {
      subject: `[${SYSTEM}] ${n} new ${n === 1 ? 'task' : 'tasks'} for you`,
      text: [
        `${n === 1 ? 'A task' : `${n} tasks`} you may work:`,
        '',
        ...message.items.map((i) => `- ${label(i.taskName, i.subjectName)}: ${i.link}`),
        '',
      ].join('\n'),
      html:
        `<p>${n === 1 ? 'A task' : `${n} tasks`} you may work:</p><ul>` +
        message.items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(label(i.taskName, i.subjectName))}</a></li>`).join('') +
        '</ul>',
    };
  }
  return {
    subject: `[${SYSTEM}] ${message.title}`,
    text: `${message.body}\n\n${message.linkText ?? 'Open the task'}: ${message.link}\n`,
    html: `<p>${escapeHtml(message.body)}</p><p><a href="${escapeHtml(message.link)}">${escapeHtml(message.linkText ?? 'Open the task')}</a></p>`,
  };
}

const linesOf = (message: NotificationMessage) =>
  message.kind === 'digest'
    ? message.items.map((i) => ({ title: label(i.taskName, i.subjectName), link: i.link, open: i.linkText ?? 'Open task' }))
    : [{ title: message.title, link: message.link, open: message.linkText ?? 'Open task' }];

/** A Slack incoming-webhook message: `text` for notifications, blocks with a button per task. */
export function slackPayload(message: NotificationMessage): Record<string, unknown> {
  const text = message.kind === 'digest' ? mailOf(message).subject : `${message.title}: ${message.body}`;
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: message.kind === 'digest' ? `*${text}*` : `*${message.title}*\n${message.body}` } },
  ];
  for (const line of linesOf(message)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: line.title },
      accessory: { type: 'button', text: { type: 'plain_text', text: line.open }, url: line.link },
    });
  }
  return { text, blocks };
}

/** A Microsoft Teams incoming-webhook message: one Adaptive Card with an "Open task" action per task. */
export function teamsPayload(message: NotificationMessage): Record<string, unknown> {
  const heading = message.kind === 'digest' ? mailOf(message).subject : message.title;
  const body: unknown[] = [{ type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (message.kind !== 'digest') body.push({ type: 'TextBlock', text: message.body, wrap: true });
  else for (const line of linesOf(message)) body.push({ type: 'TextBlock', text: `[${line.title}](${line.link})`, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: message.kind === 'digest' ? [] : [{ type: 'Action.OpenUrl', title: message.linkText ?? 'Open task', url: message.link }],
        },
      },
    ],
  };
}
