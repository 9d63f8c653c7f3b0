import { digestCut } from './notification-delivery-worker.js';
import { mailOf, slackPayload, taskMessage, teamsPayload } from './messages.js';

describe('notification messages', () => {
  const message = taskMessage('task-available', { id: 't-1', name: 'Review <b>&</b> sign', candidateRoles: ['dpo'], dueAt: null }, 'https://console.example');

  it('link to the task in the console and escape task names in HTML', () => {
    expect(message.link).toBe('https://console.example/tasks/t-1');
    const mail = mailOf(message);
    expect(mail.subject).toBe('[aimsflow] New task: Review <b>&</b> sign');
    expect(mail.text).toContain('https://console.example/tasks/t-1');
    expect(mail.html).toContain('Review &lt;b&gt;&amp;&lt;/b&gt; sign');
    expect(mail.html).not.toContain('<b>');
  });

  it('name what the task is about, when it has a name, in the subject, the chat text and the digest', () => {
    const about = taskMessage('task-overdue', { id: 't-3', name: 'Approve the release' }, 'https://console.example', 'Credit scoring v2');
    expect(mailOf(about).subject).toBe('[aimsflow] Overdue: Approve the release (Credit scoring v2)');
    expect((slackPayload(about) as { text: string }).text).toContain('Overdue: Approve the release (Credit scoring v2)');
    expect(mailOf({ kind: 'digest', items: [about] }).text).toContain('- Approve the release (Credit scoring v2): https://console.example/tasks/t-3');
  });

  it('list every task of a digest with its link, in one message per channel format', () => {
    const second = taskMessage('task-available', { id: 't-2', name: 'Approve', candidateRoles: ['dpo'] }, 'https://console.example');
    const digest = { kind: 'digest' as const, items: [message, second] };
    expect(mailOf(digest).subject).toBe('[aimsflow] 2 new tasks for you');
    const slack = slackPayload(digest) as { blocks: Array<{ accessory?: { url: string } }> };
    expect(slack.blocks.flatMap((b) => (b.accessory ? [b.accessory.url] : []))).toEqual([message.link, second.link]);
    const teams = teamsPayload(digest) as { attachments: Array<{ content: { body: Array<{ text: string }> } }> };
    expect(teams.attachments[0].content.body.map((b) => b.text).join('\n')).toContain(second.link);
  });

  it('cut the digest at the configured hour (UTC), today once it has passed, else yesterday', () => {
    expect(digestCut(new Date('2026-12-06T08:30:00Z'), 8).toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(digestCut(new Date('2026-12-06T07:59:59Z'), 8).toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(digestCut(new Date('2026-12-06T08:00:00Z'), 8).toISOString()).toBe('2026-12-06T08:00:00.000Z');
  });
});
