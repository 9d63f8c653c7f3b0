import type { EntityManager, ObjectLiteral } from 'typeorm';

/**
 * Maps a raw row (snake_case columns, as `manager.query` returns them) onto its entity class,
 * using the entity's column metadata: hot paths use hand-written SQL yet hand back entities.
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, target: new () => T, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) (entity as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
  }
  return entity;
}
