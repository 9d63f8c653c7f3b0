import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';

export interface ConnectionSettings {
  poolSize?: number;
  preparedStatements?: boolean;
  /** Per statement, on every connection of the pool (unset: PostgreSQL's default, no limit). */
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/** `extra` also carries aimsflow's own switch for named prepared statements (read by `preparedQuery`). */
export function dataSourceOptions(url: string, settings: ConnectionSettings = {}): DataSourceOptions {
  const { poolSize = 20, preparedStatements = true, lockTimeoutMs, statementTimeoutMs } = settings;
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries reach the service's own (JSON) logs through the errors they raise; TypeORM's console output would bypass them.
    logging: false,
    poolSize,
    extra: {
      application_name: 'aimsflow',
      aimsflowPreparedStatements: preparedStatements,
      ...(lockTimeoutMs === undefined ? {} : { lock_timeout: lockTimeoutMs }),
      ...(statementTimeoutMs === undefined ? {} : { statement_timeout: statementTimeoutMs }),
    },
  };
}
