import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CompiledProcess, compileProcess, parseProcess } from '../../engine/process/index.js';
import { HandlerRegistry } from '../handlers/handler-registry.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessDefinitionsRepository } from '../repositories/process-definitions.repository.js';

/**
 * Compiled machines by definition version id. Versions are immutable, so an entry never goes
 * stale; instances themselves are never held in memory.
 */
@Injectable()
export class DefinitionCache {
  private readonly compiled = new Map<string, Promise<CompiledProcess>>();

  constructor(
    private readonly definitions: ProcessDefinitionsRepository,
    private readonly handlers: HandlerRegistry,
  ) {}

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
    const source = await this.definitions.sourceById(manager, definitionId);
    if (!source) throw new ProcessError(ProcessErrorCode.DefinitionNotFound, `No process definition version with id ${definitionId}`);
    return compileProcess(await parseProcess(source.xml, source.key), { knownHandlers: this.handlers.names() });
  }
}
