import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { WebhookTargets } from '../webhooks/webhook-targets.js';
import { type Mail, type NotificationMessage, slackPayload, teamsPayload } from './messages.js';

/** SMTP connections kept open at most; the delivery worker sends more than this at once and the pool queues them. */
const MAIL_CONNECTIONS = 5;

/**
 * Sends notification mail over SMTP (AIMSFLOW_SMTP_URL, a nodemailer transport URL: `smtps://`
 * is TLS from the start, `smtp://` upgrades with STARTTLS when the server offers it, and refuses
 * to go on without it with `?requireTLS=true`). Without the setting, e-mail is off.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport?: Transporter;
  private readonly from: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const url = config.get('smtpUrl', { infer: true });
    const timeout = config.get('notifyTimeoutMs', { infer: true });
    this.from = config.get('mailFrom', { infer: true });
    // One pooled transport for every send: a fan-out to hundreds reuses a few SMTP connections
    // instead of a handshake per message (the URL's own `pool`/`maxConnections` win).
    if (url) {
      this.transport = nodemailer.createTransport({
        pool: true,
        maxConnections: MAIL_CONNECTIONS,
        url,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
    }
  }

  /** Why e-mail cannot go out at all, or undefined when it can. */
  get off(): string | undefined {
    return this.transport ? undefined : 'e-mail is off: AIMSFLOW_SMTP_URL is not set';
  }

  /** Resolves once the SMTP server accepted the message for the recipient. */
  async send(to: string, mail: Mail): Promise<void> {
    if (!this.transport) throw new Error(this.off);
    const info = (await this.transport.sendMail({ from: this.from, to, subject: mail.subject, text: mail.text, html: mail.html })) as { rejected?: unknown[] };
    if (info.rejected?.length) throw new Error(`the SMTP server rejected ${to}`);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/** Posts notifications to Slack and Teams incoming webhooks, through the webhooks' guarded POST (same address rules). */
@Injectable()
export class ChatSender {
  private readonly timeoutMs: number;

  constructor(
    private readonly targets: WebhookTargets,
    config: ConfigService<AppConfig, true>,
  ) {
    this.timeoutMs = config.get('notifyTimeoutMs', { infer: true });
  }

  async send(target: { format: 'slack' | 'teams'; url: string }, message: NotificationMessage): Promise<void> {
    const body = JSON.stringify(target.format === 'slack' ? slackPayload(message) : teamsPayload(message));
    const status = await this.targets.post(target.url, body, {
      headers: { 'content-type': 'application/json', 'user-agent': 'aimsflow-notifications/1' },
      timeoutMs: this.timeoutMs,
    });
    if (status < 200 || status >= 300) throw new Error(`the chat webhook answered ${status}`);
  }
}
