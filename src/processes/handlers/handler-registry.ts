import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Actor } from '../../auth/roles.js';
import { DomainError } from '../../common/domain-error.js';
import { isDatabaseError } from '../../database/database-errors.js';
import { BpmnError } from '../../engine/process/index.js';
import type { ServiceTaskHandlerDto } from '../dto/handler.dto.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';

export interface Subject {
  type: string;
  id: string;
}

/** What a handler knows about the step it runs in; `manager` is the step's transaction. */
export interface HandlerContext {
  elementId: string;
  instanceId: string;
  definitionKey: string;
  subject: Subject;
  manager: EntityManager;
  actor: Actor;
  /** Parameters written after the handler name: `set-variables?status=approved` gives `{ status: 'approved' }`. */
  params: Record<string, unknown>;
}

/** Returns variables to merge into the instance (or nothing). Throwing rolls the whole step back. */
export type ServiceTaskHandler = (
  variables: Record<string, unknown>,
  ctx: HandlerContext,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export interface HandlerInfo {
  name: string;
  description: string;
}

/** `notify`, `set-variables`; modules name theirs `<module>.<action>`, e.g. `ai-system.set-status`. */
const NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;

/** `name?a=1&b=text`: parameter values are JSON where they parse, text otherwise. */
function parseReference(reference: string): { name: string; params: Record<string, unknown> } {
  const at = reference.indexOf('?');
  if (at < 0) return { name: reference, params: {} };
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(reference.slice(at + 1))) {
    try {
      params[key] = JSON.parse(value);
    } catch {
      params[key] = value;
    }
  }
  return { name: reference.slice(0, at), params };
}

/** The handler names deployment accepts: a registered name, with or without parameters. */
class HandlerNames extends Set<string> {
  override has(reference: string): boolean {
    return super.has(parseReference(reference).name);
  }
}

/**
 * The named service task handlers (`aimsflow:handler`). Built-ins are registered here; other
 * modules add theirs in `onModuleInit`, before definitions are deployed at start-up.
 */
@Injectable()
export class HandlerRegistry {
  private readonly handlers = new Map<string, HandlerInfo & { run: ServiceTaskHandler }>();

  constructor(audit: AuditTrailService) {
    this.register('noop', 'Does nothing: a placeholder for work done outside aimsflow.', () => undefined);
    this.register(
      'set-variables',
      'Sets the variables given as parameters, e.g. `set-variables?status=approved&reviewed=true` (values are JSON where they parse, text otherwise).',
      (_variables, ctx) => ctx.params,
    );
    this.register(
      'throw-error',
      'Throws the BPMN error given as `code` (with an optional `message`), e.g. `throw-error?code=REJECTED`, for an error boundary event to catch.',
      (_variables, ctx) => {
        const code = typeof ctx.params.code === 'string' || typeof ctx.params.code === 'number' ? String(ctx.params.code) : '';
        if (!code) throw new Error('throw-error needs a code parameter, e.g. throw-error?code=REJECTED');
        throw new BpmnError(code, typeof ctx.params.message === 'string' ? ctx.params.message : undefined);
      },
    );
    this.register(
      'notify',
      'Records a notification (audit action `process-instance.notification`) naming the element, the instance and its subject, for reminders and escalations.',
      async (_variables, ctx) => {
        await audit.append(ctx.manager, ctx.actor, {
          action: 'process-instance.notification',
          subjectType: 'process-instance',
          subjectId: ctx.instanceId,
          after: { elementId: ctx.elementId, definitionKey: ctx.definitionKey, subject: ctx.subject, ...ctx.params },
        });
      },
    );
  }

  register(name: string, description: string, run: ServiceTaskHandler): void {
    if (!NAME.test(name)) throw new Error(`service task handler name "${name}" must be lower-case letters, digits and dashes, in dot-separated parts`);
    if (this.handlers.has(name)) throw new Error(`service task handler "${name}" is already registered`);
    this.handlers.set(name, { name, description, run });
  }

  list(): ServiceTaskHandlerDto[] {
    return [...this.handlers.values()].map(({ name, description }) => ({ name, description })).sort((a, b) => a.name.localeCompare(b.name));
  }

  names(): ReadonlySet<string> {
    return new HandlerNames(this.handlers.keys());
  }

  /** Runs a handler; a failure that is not already a domain error becomes `service-task-failed` naming the element. */
  async call(reference: string, variables: Record<string, unknown>, ctx: Omit<HandlerContext, 'params'>): Promise<Record<string, unknown> | void> {
    const { name, params } = parseReference(reference);
    const handler = this.handlers.get(name);
    if (!handler) {
      throw new ProcessError(ProcessErrorCode.UnknownHandler, `service task ${ctx.elementId} names handler "${name}", which is not registered`, [], {
        elementId: ctx.elementId,
      });
    }
    let output: Record<string, unknown> | void;
    try {
      output = await handler.run(variables, { ...ctx, params });
    } catch (error) {
      // A refusal keeps its own code; a database error is the database's (a deadlock is retried, a timeout is 503), never the handler's.
      // A BPMN error is a business outcome the model catches with an error boundary event.
      if (error instanceof DomainError || isDatabaseError(error) || error instanceof BpmnError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProcessError(ProcessErrorCode.HandlerFailed, `service task ${ctx.elementId} (handler "${name}") failed: ${reason}`, [], {
        elementId: ctx.elementId,
      });
    }
    if (output !== undefined && (output === null || typeof output !== 'object' || Array.isArray(output))) {
      throw new ProcessError(
        ProcessErrorCode.HandlerFailed,
        `service task ${ctx.elementId} (handler "${name}") returned something other than an object of variables`,
        [],
        {
          elementId: ctx.elementId,
        },
      );
    }
    return output;
  }
}
