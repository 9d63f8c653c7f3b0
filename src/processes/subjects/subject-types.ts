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
  private readonly registers = new Map<string, (m: EntityManager, id: string) => Promise<string | undefined>>();

  /**
   * A register's subject type, with what people call one of its rows (an AI system's name, a
   * risk's title; undefined when there is no such row). Its rows have UUID ids, so anything else is
   * refused before the lookup.
   */
  register(type: string, nameOf: (m: EntityManager, id: string) => Promise<string | undefined>): void {
    this.registers.set(type, nameOf);
  }

  /** What people call a subject (notifications name it), or undefined when it is no register row. */
  async displayName(m: EntityManager, subject: { type: string; id: string }): Promise<string | undefined> {
    const nameOf = this.registers.get(subject.type);
    return nameOf && UUID.test(subject.id) ? nameOf(m, subject.id) : undefined;
  }

  /** Whether a register row exists; undefined when no register of that type is registered (evidence links name only registers that exist). */
  async rowExists(m: EntityManager, type: string, id: string): Promise<boolean | undefined> {
    const nameOf = this.registers.get(type);
    if (!nameOf) return undefined;
    return UUID.test(id) && (await nameOf(m, id)) !== undefined;
  }

  /** Why the subject cannot be named by an API start, with the pointer at fault; undefined when it can. */
  async problem(m: EntityManager, subject: { type: string; id: string }): Promise<{ pointer: string; message: string } | undefined> {
    if (SYSTEM_TYPES.has(subject.type)) return { pointer: '/subject/type', message: `"${subject.type}" is the service's own subject type` };
    if (!TYPE_PATTERN.test(subject.type)) return { pointer: '/subject/type', message: 'must be a lower-case name of letters, digits and dashes (at most 50)' };
    const nameOf = this.registers.get(subject.type);
    if (nameOf && !(UUID.test(subject.id) && (await nameOf(m, subject.id)) !== undefined))
      return { pointer: '/subject/id', message: `no ${subject.type} with id ${subject.id}` };
    return undefined;
  }
}
