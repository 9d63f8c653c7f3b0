import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';

/** `extra` also carries aimsflow's own switch for named prepared statements (read by `preparedQuery`). */
export function dataSourceOptions(url: string, poolSize = 20, preparedStatements = true): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    poolSize,
    extra: { application_name: 'aimsflow', aimsflowPreparedStatements: preparedStatements },
  };
}
