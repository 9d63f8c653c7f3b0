import pg from 'pg';

export interface NotificationHandlers {
  /** A NOTIFY on the channel (its payload). */
  message(payload: string): void;
  /** The connection is up and listening. */
  listening(): void;
  /** The connection failed or was lost; no notifications arrive until `listening` is called again. */
  lost(error?: unknown): void;
}

/**
 * A dedicated connection that LISTENs on one channel and reconnects after a loss. Needs a session
 * of its own: behind a transaction-pooling PgBouncer, LISTEN does not work.
 */
export class NotificationListener {
  private client?: pg.Client;
  private closed = false;
  private reconnect?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
    private readonly reconnectMs = 1_000,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: `aimsflow-listen-${this.channel}` });
    client.on('notification', (message) => message.payload && this.handlers.message(message.payload));
    client.on('error', (error) => this.onLost(client, error));
    client.on('end', () => this.onLost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      this.client = client;
      this.handlers.listening();
    } catch (error) {
      this.onLost(client, error);
    }
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  private onLost(client: pg.Client, error?: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.handlers.lost(error);
    if (this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      void this.start();
    }, this.reconnectMs);
    this.reconnect.unref();
  }
}
