import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Subject types the service itself gives instances (timer and message starts); nobody starts them through the API. */
const SYSTEM_TYPES = new Set(['process-definition', 'message']);
const TYPE_PATTERN = /^[a-z][a-z0-9-]{0,49}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a process instance may be about. Registers (AI systems, audits, nonconformities, …) register
 * their subject type with a check that a row exists: an instance started through the API for a
 * register row must name a real one. Other types are free, well-formed names (`vendor`, `case`);
 * the service's own types are not for the API.
 */
@Injectable()
export class SubjectTypes {
  private readonly registers = new Map<string, (m: EntityManager, id: string) => Promise<boolean>>();

  /** A register's subject type; its rows have UUID ids, so anything else is refused before the lookup. */
  register(type: string, exists: (m: EntityManager, id: string) => Promise<boolean>): void {
    this.registers.set(type, exists);
  }

  /** Whether a register row exists; undefined when no register of that type is registered (evidence links name only registers that exist). */
  async rowExists(m: EntityManager, type: string, id: string): Promise<boolean | undefined> {
    const exists = this.registers.get(type);
    if (!exists) return undefined;
    return UUID.test(id) && (await exists(m, id));
  }

  /** Why the subject cannot be named by an API start, with the pointer at fault; undefined when it can. */
  async problem(m: EntityManager, subject: { type: string; id: string }): Promise<{ pointer: string; message: string } | undefined> {
    if (SYSTEM_TYPES.has(subject.type)) return { pointer: '/subject/type', message: `"${subject.type}" is the service's own subject type` };
    if (!TYPE_PATTERN.test(subject.type)) return { pointer: '/subject/type', message: 'must be a lower-case name of letters, digits and dashes (at most 50)' };
    const exists = this.registers.get(subject.type);
    if (exists && !(UUID.test(subject.id) && (await exists(m, subject.id))))
      return { pointer: '/subject/id', message: `no ${subject.type} with id ${subject.id}` };
    return undefined;
  }
}
