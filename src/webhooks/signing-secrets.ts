import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SecretBox } from '../common/secret-box.js';
import { type AppConfig, ConfigError } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { WebhookSubscriptionsRepository } from './repositories/webhook-subscriptions.repository.js';

/**
 * Webhook signing secrets at rest: sealed with AIMSFLOW_SECRET_KEY when there is one (the embedded
 * database always has one). At start-up the key must open the stored secrets (else the service
 * refuses to start, naming the variable), and secrets stored before the key was set are sealed.
 */
@Injectable()
export class SigningSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(SigningSecrets.name);
  private readonly box: SecretBox;

  constructor(
    private readonly db: Database,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    this.box = new SecretBox(config.get('secretKey', { infer: true }));
  }

  seal(secret: string): string {
    return this.box.seal(secret);
  }

  open(stored: string): string {
    return this.box.open(stored);
  }

  async onApplicationBootstrap(): Promise<void> {
    const rows = await this.subscriptions.secrets(this.db.manager);
    const sealed = rows.filter((row) => SecretBox.isSealed(row.secret));
    if (sealed.length && !this.box.sealing) {
      throw new ConfigError('AIMSFLOW_SECRET_KEY', `is not set, but ${sealed.length} webhook signing secret(s) are stored sealed with one`);
    }
    for (const row of sealed) {
      try {
        this.box.open(row.secret);
      } catch {
        throw new ConfigError('AIMSFLOW_SECRET_KEY', 'does not open the stored webhook signing secrets (another key sealed them)');
      }
    }
    const clear = rows.filter((row) => !SecretBox.isSealed(row.secret));
    if (!clear.length) return;
    if (!this.box.sealing) {
      this.logger.warn(`${clear.length} webhook signing secret(s) are stored unencrypted: set AIMSFLOW_SECRET_KEY to seal them`);
      return;
    }
    for (const row of clear) await this.subscriptions.replaceSecret(this.db.manager, row.id, row.secret, this.box.seal(row.secret));
    this.logger.log(`sealed ${clear.length} webhook signing secret(s) stored before AIMSFLOW_SECRET_KEY was set`);
  }
}
