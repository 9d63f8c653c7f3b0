import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';

/** Revoking a token notifies this channel (at commit), so every replica forgets it at once. */
export const TOKEN_REVOKED_CHANNEL = 'aimsflow_token_revoked';

export interface CachedToken {
  id: string;
  subject: string;
  roles: string[];
  expires_at: Date | null;
}

const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

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
  private readonly databaseUrl?: string;
  private listener?: pg.Client;
  private listening = false;
  private closed = false;
  private reconnect?: NodeJS.Timeout;

  constructor(config: ConfigService<AppConfig, true>) {
    this.ttlMs = config.get('tokenCacheSeconds', { infer: true }) * 1000;
    this.databaseUrl = config.get('databaseUrl', { infer: true });
  }

  async onModuleInit(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.stopUsing();
    await this.listener?.end().catch(() => undefined);
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

  private async listen(): Promise<void> {
    if (!this.databaseUrl) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'aimsflow-token-cache' });
    client.on('notification', (message) => message.payload && this.forget(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
      this.listener = client;
      this.listening = true;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.listener && this.listener !== client) return;
    this.stopUsing();
    this.listener = undefined;
    client.end().catch(() => undefined);
    if (this.closed || this.reconnect) return;
    this.logger.warn(`token cache off until the revocation listener reconnects${error instanceof Error ? `: ${error.message}` : ''}`);
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private stopUsing(): void {
    this.listening = false;
    this.entries.clear();
  }
}
