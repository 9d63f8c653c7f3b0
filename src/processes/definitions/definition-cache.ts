import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CompiledProcess, compileProcess, parseProcess } from '../../engine/process/index.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';

/**
 * Compiled machines by definition version id. Versions are immutable, so an entry never goes
 * stale; instances themselves are never held in memory.
 */
@Injectable()
export class DefinitionCache {
  private readonly compiled = new Map<string, Promise<CompiledProcess>>();

  get(manager: EntityManager, definitionId: string): Promise<CompiledProcess> {
    let entry = this.compiled.get(definitionId);
    if (!entry) {
      entry = this.load(manager, definitionId);
      this.compiled.set(definitionId, entry);
      entry.catch(() => this.compiled.delete(definitionId));
    }
    return entry;
  }

  /** Seeds the cache with what a deployment has just compiled. */
  put(definitionId: string, compiled: CompiledProcess): void {
    this.compiled.set(definitionId, Promise.resolve(compiled));
  }

  private async load(manager: EntityManager, definitionId: string): Promise<CompiledProcess> {
    const [row] = await manager.query(`SELECT xml FROM process_definitions WHERE id = $1`, [definitionId]);
    if (!row) throw new ProcessError(ProcessErrorCode.DefinitionNotFound, `No process definition version with id ${definitionId}`);
    return compileProcess(await parseProcess(row.xml));
  }
}
