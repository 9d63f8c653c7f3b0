import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Database } from '../database/database.js';

/**
 * Terminus' own TypeOrmHealthIndicator probes for its peer packages with require(), which fails
 * for the ESM-only @nestjs/typeorm 12 under Jest; this is the same ping on our data source.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly db: Database,
    private readonly health: HealthIndicatorService,
  ) {}

  async ping(timeoutMs: number) {
    const indicator = this.health.check('database');
    const started = Date.now();
    try {
      await Promise.race([
        this.db.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
      ]);
      return indicator.up({ responseTimeMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
