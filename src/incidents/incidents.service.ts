import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { list, str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { addDuration, type IsoDuration, parseDuration } from '../engine/process/index.js';
import { NonconformitiesService } from '../nonconformities/nonconformities.service.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { type HandlerContext, HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { InstancesService } from '../processes/instances/instances.service.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import type { IncidentQueryDto, ReportIncidentDto } from './dto/incident.dto.js';
import { type AiIncidentDto, isLate, toAiIncidentDto } from './dto/incident-response.dto.js';
import type { IncidentEntity } from './entities/incident.entity.js';
import { IncidentError, IncidentErrorCode } from './incidents.errors.js';
import { IncidentsRepository } from './repositories/incidents.repository.js';

export const INCIDENT_PROCESS = 'incident';

/** What the incident-reporting rule set decides (rules/incident-reporting.json). */
interface ReportingOutcome {
  serious?: boolean;
  deadline?: string;
  reminderBefore?: string;
  basis?: string[];
}

const bool = (value: string | undefined) => (value === undefined ? undefined : value === 'true');
const minus = (d: IsoDuration): IsoDuration => Object.fromEntries(Object.entries(d).map(([unit, n]) => [unit, -n])) as unknown as IsoDuration;

function duration(text: string | undefined, what: string): IsoDuration {
  const parsed = text ? parseDuration(text) : undefined;
  if (!parsed) throw new Error(`the incident-reporting rules gave ${what} "${text ?? ''}", which is not an ISO 8601 duration`);
  return parsed;
}

/**
 * The AI incident register (ISO/IEC 42001 10.2, Annex A.8; EU AI Act Art. 73). Each incident runs
 * the incident process; the rules decide whether it is serious and when its report is due.
 */
@Injectable()
export class IncidentsService implements OnModuleInit {
  private readonly logger = new Logger(IncidentsService.name);

  constructor(
    private readonly db: Database,
    private readonly incidents: IncidentsRepository,
    private readonly systems: AiSystemsService,
    private readonly nonconformities: NonconformitiesService,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesService,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly processes: ProcessEngineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('incident', async (m, id) => (await this.incidents.find(m, id))?.title);
    this.withdrawals.register('incident', (m, instanceId, at) => this.incidents.withdraw(m, instanceId, at));
    this.handlers.register(
      'incident.update',
      'Writes the incident’s status (triaged, dismissed, report-drafted, report-changes-requested, report-approved, investigated, closed) with triage notes, containment, report, root cause and corrective action from the variables.',
      async (vars, ctx) => {
        await this.update(ctx, str(vars.incidentId)!, str(vars.status)!, vars);
      },
    );
    this.handlers.register(
      'incident.classify',
      'Stores the incident-reporting outcome (variable `reporting`: serious, deadline, basis) with deadlineAt = awareAt + deadline; returns deadlineAt and reminderAt (deadlineAt - reminderBefore) for a serious incident.',
      (vars, ctx) => this.classify(ctx, str(vars.incidentId)!, (vars.reporting ?? {}) as ReportingOutcome),
    );
    this.handlers.register(
      'incident.remind',
      'For `notice` reminder: records that the report is due soon (incident.report-due); for escalation: that the deadline passed with no report (incident.report-overdue, escalatedAt).',
      async (vars, ctx) => {
        await this.remind(ctx, str(vars.incidentId)!, str(vars.notice) === 'escalation');
      },
    );
    this.handlers.register(
      'incident.record-submission',
      'Records the report submitted to the market surveillance authority (authority, reference, now) — the first submission, initial or complete, or for `reportType` complete after an initial one the complete report; returns reportComplete.',
      (vars, ctx) => this.recordSubmission(ctx, str(vars.incidentId)!, vars),
    );
    this.handlers.register(
      'incident.raise-nonconformity',
      'Raises a nonconformity for the incident’s corrective action (source incident; major when the incident was serious) through the nonconformity register, which starts its process; returns nonconformityId.',
      (vars, ctx) => this.raiseNonconformity(ctx, str(vars.incidentId)!),
    );
  }

  /** Records the incident and starts its process; the answer is the row as the first steps left it. */
  async create(dto: ReportIncidentDto, actor: Actor): Promise<AiIncidentDto> {
    return this.db.transaction(async (m) => {
      const { occurredAt, awareAt } = await this.checked(m, dto);
      const now = this.clock.now();
      const row = await this.incidents.insert(m, {
        systemId: dto.systemId,
        title: dto.title,
        description: dto.description,
        occurredAt,
        awareAt,
        effects: dto.effects,
        widespread: dto.widespread ?? false,
        status: 'open',
        reportedBy: actor.subject,
        createdAt: now,
        updatedAt: now,
      });
      const data = { id: row.id, systemId: row.systemId, title: row.title, effects: row.effects, widespread: row.widespread, awareAt: row.awareAt };
      await this.audit.append(m, actor, { action: 'incident.reported', subjectType: 'incident', subjectId: row.id, after: data });
      await this.outbox.publish(m, { type: 'incident.reported', subject: { type: 'incident', id: row.id }, data });
      if (await this.definitions.isDeployed(m, INCIDENT_PROCESS)) {
        const { instance } = await this.processes.start(m, {
          definitionKey: INCIDENT_PROCESS,
          subject: { type: 'incident', id: row.id },
          variables: {
            incidentId: row.id,
            systemId: row.systemId,
            title: row.title,
            effects: row.effects,
            widespread: row.widespread,
            awareAt: row.awareAt.toISOString(),
          },
          actor,
        });
        await this.incidents.setInstance(m, row.id, instance.id);
      } else {
        this.logger.warn(`no "${INCIDENT_PROCESS}" process is deployed: incident ${row.id} has no lifecycle`);
      }
      return this.view(m, (await this.incidents.find(m, row.id))!);
    });
  }

  /** A registered system; the incident happened before the organisation became aware of it, and neither lies in the future. */
  private async checked(m: EntityManager, dto: ReportIncidentDto): Promise<{ occurredAt: Date; awareAt: Date }> {
    const errors: ProblemFieldError[] = [];
    const occurredAt = new Date(dto.occurredAt);
    const awareAt = new Date(dto.awareAt);
    const now = this.clock.now();
    if (!(await this.systems.lookup(m, dto.systemId))) errors.push({ pointer: '/systemId', message: `no AI system with id ${dto.systemId}` });
    if (occurredAt > now) errors.push({ pointer: '/occurredAt', message: `must not be in the future (now is ${now.toISOString()})` });
    if (awareAt > now) errors.push({ pointer: '/awareAt', message: `must not be in the future (now is ${now.toISOString()})` });
    if (awareAt < occurredAt) errors.push({ pointer: '/awareAt', message: 'must not be before occurredAt' });
    if (errors.length) throw new IncidentError(IncidentErrorCode.InvalidIncident, 'The incident cannot be recorded as reported', errors);
    return { occurredAt, awareAt };
  }

  async list(query: IncidentQueryDto): Promise<Page<AiIncidentDto>> {
    const filter = { systemId: query.systemId, status: query.status, serious: bool(query.serious), late: bool(query.late), now: this.clock.now() };
    const [items, total] = await this.incidents.list(this.db.manager, filter, query.limit, query.offset);
    return page(await Promise.all(items.map((row) => this.view(this.db.manager, row))), total, query);
  }

  async get(id: string): Promise<AiIncidentDto> {
    const row = await this.incidents.find(this.db.manager, id);
    if (!row) throw new IncidentError(IncidentErrorCode.NotFound, `No incident ${id}`);
    return this.view(this.db.manager, row);
  }

  private async view(m: EntityManager, row: IncidentEntity): Promise<AiIncidentDto> {
    return toAiIncidentDto(row, this.clock.now(), row.instanceId ? await this.instances.decisionIdsOf(m, row.instanceId) : []);
  }

  private async lock(m: EntityManager, id: string): Promise<IncidentEntity> {
    const row = await this.incidents.lock(m, id);
    if (!row) throw new IncidentError(IncidentErrorCode.NotFound, `No incident ${id}`);
    return row;
  }

  /** Saves the row, and an audit event when its status moved. */
  private async save(ctx: HandlerContext, row: IncidentEntity, before: string): Promise<void> {
    row.updatedAt = this.clock.now();
    await this.incidents.save(ctx.manager, row);
    if (before === row.status) return;
    await this.audit.append(ctx.manager, ctx.actor, {
      action: 'incident.status-changed',
      subjectType: 'incident',
      subjectId: row.id,
      before: { status: before },
      after: { status: row.status },
    });
  }

  private async update(ctx: HandlerContext, id: string, status: string, vars: Record<string, unknown>): Promise<void> {
    const row = await this.lock(ctx.manager, id);
    const before = row.status;
    const fields = ['triageNotes', 'containment', 'report', 'rootCause', 'causeCategory', 'correctiveAction'] as const;
    for (const field of fields) if (vars[field] !== undefined) row[field] = str(vars[field]) ?? null;
    row.status = status;
    row.closedAt = status === 'closed' ? this.clock.now() : null;
    await this.save(ctx, row, before);
  }

  private async classify(ctx: HandlerContext, id: string, outcome: ReportingOutcome): Promise<Record<string, unknown>> {
    const row = await this.lock(ctx.manager, id);
    const before = row.status;
    row.serious = outcome.serious === true;
    row.basis = list(outcome.basis);
    row.status = 'classified';
    let output: Record<string, unknown> = {};
    if (row.serious) {
      row.deadline = outcome.deadline!;
      row.deadlineAt = addDuration(row.awareAt, duration(outcome.deadline, 'the deadline'));
      const reminderAt = addDuration(row.deadlineAt, minus(duration(outcome.reminderBefore, 'the reminder lead time')));
      output = { deadlineAt: row.deadlineAt.toISOString(), reminderAt: reminderAt.toISOString() };
    }
    await this.save(ctx, row, before);
    await this.outbox.publish(ctx.manager, {
      type: 'incident.classified',
      subject: { type: 'incident', id },
      data: { id, serious: row.serious, deadline: row.deadline, deadlineAt: row.deadlineAt, basis: row.basis },
    });
    return output;
  }

  private async remind(ctx: HandlerContext, id: string, escalation: boolean): Promise<void> {
    const row = await this.lock(ctx.manager, id);
    const now = this.clock.now();
    if (escalation) row.escalatedAt = now;
    else row.remindedAt = now;
    await this.save(ctx, row, row.status);
    const data = { id, systemId: row.systemId, title: row.title, deadlineAt: row.deadlineAt };
    await this.audit.append(ctx.manager, ctx.actor, {
      action: escalation ? 'incident.escalated' : 'incident.reminded',
      subjectType: 'incident',
      subjectId: id,
      after: data,
    });
    await this.outbox.publish(ctx.manager, { type: escalation ? 'incident.report-overdue' : 'incident.report-due', subject: { type: 'incident', id }, data });
  }

  /** The first submission is the one the deadline is judged on; a complete report after an initial one is recorded beside it. */
  private async recordSubmission(ctx: HandlerContext, id: string, vars: Record<string, unknown>): Promise<Record<string, unknown>> {
    const row = await this.lock(ctx.manager, id);
    const before = row.status;
    const now = this.clock.now();
    const complete = str(vars.reportType) === 'complete';
    if (vars.report !== undefined) row.report = str(vars.report) ?? null;
    if (row.submittedAt) {
      row.completionReference = str(vars.reference) ?? null;
      row.completedAt = now;
    } else {
      row.authority = str(vars.authority) ?? null;
      row.submissionReference = str(vars.reference) ?? null;
      row.submittedAt = now;
      row.status = 'submitted';
    }
    row.reportComplete = complete;
    await this.save(ctx, row, before);
    const data = {
      id,
      authority: row.authority,
      reference: str(vars.reference) ?? null,
      submittedAt: now,
      deadlineAt: row.deadlineAt,
      late: isLate(row, now),
      reportComplete: complete,
    };
    await this.audit.append(ctx.manager, ctx.actor, { action: 'incident.submitted', subjectType: 'incident', subjectId: id, after: data });
    await this.outbox.publish(ctx.manager, { type: 'incident.submitted', subject: { type: 'incident', id }, data });
    return { reportComplete: complete };
  }

  private async raiseNonconformity(ctx: HandlerContext, id: string): Promise<Record<string, unknown>> {
    const row = await this.lock(ctx.manager, id);
    const nc = await this.nonconformities.raise(
      ctx.manager,
      {
        title: `Incident: ${row.title}`,
        description: [row.correctiveAction, row.rootCause && `Root cause: ${row.rootCause}`].filter(Boolean).join('\n\n') || row.description,
        source: 'incident',
        severity: row.serious ? 'major' : 'minor',
        systemId: row.systemId,
        clauseRefs: ['10.2'],
      },
      ctx.actor,
    );
    row.nonconformityId = nc.id;
    await this.save(ctx, row, row.status);
    return { nonconformityId: nc.id };
  }
}
