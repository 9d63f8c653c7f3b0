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

/** The entity's columns as `alias.column AS "alias.column"`, to select them beside another table's `*`. */
export function prefixedColumns(manager: EntityManager, target: new () => object, alias: string): string {
  return manager.connection
    .getMetadata(target)
    .columns.map((column) => `${alias}.${column.databaseName} AS "${alias}.${column.databaseName}"`)
    .join(', ');
}

/** `hydrate` for the columns selected with `prefixedColumns`. */
export function hydratePrefixed<T extends ObjectLiteral>(manager: EntityManager, target: new () => T, row: Record<string, unknown>, alias: string): T {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith(`${alias}.`)) own[key.slice(alias.length + 1)] = value;
  return hydrate(manager, target, own);
}
