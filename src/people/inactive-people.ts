import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { NotificationListener } from '../database/notification-listener.js';
import { PeopleRepository } from './repositories/people.repository.js';

/** Activating or deactivating a person notifies this channel (at commit), so every replica knows at once. */
export const PERSON_ACTIVATION_CHANNEL = 'aimsflow_person_activation';

/**
 * Who has been deactivated, asked on every authenticated request. The set is small and kept in
 * memory while this replica listens for changes; without the listener each request asks the
 * database, so a deactivated person is never let through from a stale copy.
 */
@Injectable()
export class InactivePeople implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InactivePeople.name);
  private identities = new Set<string>();
  private listening = false;
  /** Moves with every change made here, so a reload that started before it does not undo it. */
  private generation = 0;
  /** Moves with every lost connection, so a reload begun before the loss does not turn the set back on. */
  private connection = 0;
  private readonly listener?: NotificationListener;

  constructor(
    private readonly db: Database,
    private readonly people: PeopleRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    const databaseUrl = config.get('databaseUrl', { infer: true });
    if (databaseUrl) {
      this.listener = new NotificationListener(databaseUrl, PERSON_ACTIVATION_CHANNEL, {
        message: () => void this.reload(),
        listening: () => {
          const connection = this.connection;
          void this.reload().then((ok) => (this.listening = ok && connection === this.connection));
        },
        lost: (error) => {
          this.connection++;
          this.listening = false;
          this.logger.warn(`deactivated people looked up per request until the listener reconnects${error instanceof Error ? `: ${error.message}` : ''}`);
        },
      });
    }
  }

  async onModuleInit(): Promise<void> {
    await this.listener?.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.listening = false;
    await this.listener?.stop();
  }

  /** Whether the set is answered from memory (the change listener is connected). */
  get cached(): boolean {
    return this.listening;
  }

  async isInactive(identity: string): Promise<boolean> {
    return this.listening ? this.identities.has(identity) : this.people.isInactive(this.db.manager, identity);
  }

  /** A change committed on this replica (others hear of it through the channel). */
  changed(identity: string, active: boolean): void {
    this.generation++;
    if (active) this.identities.delete(identity);
    else this.identities.add(identity);
  }

  private async reload(): Promise<boolean> {
    const started = this.generation;
    try {
      const identities = new Set(await this.people.inactiveIdentities(this.db.manager));
      // A local change since the query began is newer; the NOTIFY of its commit brings another reload.
      if (this.generation === started) this.identities = identities;
      return true;
    } catch (error) {
      this.logger.warn(`could not load deactivated people: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
