import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { NotificationListener } from '../database/notification-listener.js';

/** Revoking a token notifies this channel (at commit), so every replica forgets it at once. */
export const TOKEN_REVOKED_CHANNEL = 'aimsflow_token_revoked';

export interface CachedToken {
  id: string;
  subject: string;
  roles: string[];
  expires_at: Date | null;
}

const MAX_ENTRIES = 10_000;

/**
 * Resolved tokens, kept for AIMSFLOW_TOKEN_CACHE_SECONDS so a request costs no token lookup. The
 * cache is used only while this replica listens for revocations: a lost listener connection
 * empties it and turns it off until the listener is back, so a revoked token is never honoured
 * from memory.
 */
@Injectable()
export class TokenCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TokenCache.name);
  private readonly entries = new Map<string, CachedToken & { expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly listener?: NotificationListener;
  private listening = false;

  constructor(config: ConfigService<AppConfig, true>) {
    this.ttlMs = config.get('tokenCacheSeconds', { infer: true }) * 1000;
    const databaseUrl = config.get('databaseUrl', { infer: true });
    if (this.ttlMs > 0 && databaseUrl) {
      this.listener = new NotificationListener(databaseUrl, TOKEN_REVOKED_CHANNEL, {
        message: (tokenId) => this.forget(tokenId),
        listening: () => (this.listening = true),
        lost: (error) => {
          this.stopUsing();
          this.logger.warn(`token cache off until the revocation listener reconnects${error instanceof Error ? `: ${error.message}` : ''}`);
        },
      });
    }
  }

  async onModuleInit(): Promise<void> {
    await this.listener?.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopUsing();
    await this.listener?.stop();
  }

  /** Whether resolved tokens are kept (the revocation listener is connected). */
  get active(): boolean {
    return this.listening;
  }

  get(hash: string): CachedToken | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt > performance.now()) return entry;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, token: CachedToken): void {
    if (!this.listening) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { ...token, expiresAt: performance.now() + this.ttlMs });
  }

  /** Forgets a revoked token here; other replicas hear of it through the channel. */
  forget(tokenId: string): void {
    for (const [hash, entry] of this.entries) if (entry.id === tokenId) this.entries.delete(hash);
  }

  private stopUsing(): void {
    this.listening = false;
    this.entries.clear();
  }
}
