import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { list, str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { ControlsCatalogue } from '../controls/controls-catalogue.js';
import { NC_SEVERITIES } from '../nonconformities/nonconformity-vocabulary.js';
import { NonconformitiesService } from '../nonconformities/nonconformities.service.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { type HandlerContext, HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { AuditError, AuditErrorCode } from './audits.errors.js';
import type { AuditQueryDto, CreateAuditDto } from './dto/audit.dto.js';
import { type AuditDto, toAuditDto } from './dto/audit-response.dto.js';
import type { AuditEntity, Finding } from './entities/audit.entity.js';
import { AuditsRepository } from './repositories/audits.repository.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';

const PROCESS_BY_TYPE: Record<string, string> = { internal: 'internal-audit', certification: 'certification-audit' };
const FIRST_STAGE: Record<string, string> = { internal: 'planning', certification: 'stage-1' };

function addMonths(date: Date, months: number): Date {
  const next = new Date(date.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** The audit register: internal audits and certification cycles, each run by its process. */
@Injectable()
export class AuditsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly audits: AuditsRepository,
    private readonly definitions: DefinitionsService,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly processes: ProcessEngineService,
    private readonly nonconformities: NonconformitiesService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly catalogue: ControlsCatalogue,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('audit', async (m, id) => (await this.audits.find(m, id))?.title);
    this.withdrawals.register('audit', (m, instanceId, at) => this.audits.withdraw(m, instanceId, at));
    this.handlers.register(
      'audit.update',
      'Moves the audit to `stage` with `status`, recording scope, audited area and area owner from the variables; at stage `certified` it returns surveillance1Due, surveillance2Due and recertificationDue (12, 24 and 36 months on).',
      (vars, ctx) =>
        this.update(ctx.manager, str(vars.auditId)!, str(ctx.params.stage) ?? str(vars.stage), str(ctx.params.status) ?? str(vars.status), vars, ctx.actor),
    );
    this.handlers.register(
      'audit.raise-findings',
      'Raises a nonconformity for each of `findings` ({title, severity, clauseRefs, controlRefs}) and links it to the audit; returns nonconformityIds.',
      (vars, ctx) => this.raiseFindings(str(vars.auditId)!, this.checkedFindings(vars.findings), ctx),
    );
    this.handlers.register('audit.open-majors', 'Counts the audit’s major nonconformities not yet closed; returns openMajors.', async (vars, ctx) => ({
      openMajors: await this.nonconformities.openMajorsOf(ctx.manager, str(vars.auditId)!),
    }));
    this.handlers.register(
      'audit.start-next-cycle',
      'Recertification: opens the next certification cycle and starts its process; returns nextAuditId.',
      async (vars, ctx) => {
        const previous = await this.lock(ctx.manager, str(vars.auditId)!);
        const next = await this.open(
          ctx.manager,
          {
            type: 'certification',
            title: previous.title.replace(/ \(cycle \d+\)$/, '') + ` (cycle ${previous.cycle + 1})`,
            scope: previous.scope ?? undefined,
          },
          ctx.actor,
          previous,
        );
        return { nextAuditId: next.id };
      },
    );
  }

  /**
   * Opens the audit and starts its process. The answer is the register row read after the commit:
   * the first steps of the process may have moved it already (a certification starts Stage 1).
   */
  async create(dto: CreateAuditDto, actor: Actor): Promise<AuditDto> {
    const { id } = await this.db.transaction((m) => this.open(m, dto, actor));
    return this.get(id);
  }

  async list(query: AuditQueryDto): Promise<Page<AuditDto>> {
    const [items, total] = await this.audits.list(this.db.manager, { type: query.type, status: query.status }, query.limit, query.offset);
    return page(await Promise.all(items.map((item) => this.withLinks(item))), total, query);
  }

  async get(id: string): Promise<AuditDto> {
    const row = await this.audits.find(this.db.manager, id);
    if (!row) throw new AuditError(AuditErrorCode.NotFound, `No audit ${id}`);
    return this.withLinks(row);
  }

  /** Linked nonconformities and the next due date, as an auditor reads the register. */
  private async withLinks(row: AuditEntity): Promise<AuditDto> {
    const nonconformities = (await this.nonconformities.ofAudit(row.id)).map(({ id, title, severity, status, closedAt }) => ({
      id,
      title,
      severity,
      status,
      closedAt,
    }));
    const now = this.clock.now().getTime();
    const nextDueAt = [row.surveillance1Due, row.surveillance2Due, row.recertificationDue].find((d) => d && d.getTime() > now) ?? null;
    return toAuditDto(row, nonconformities, nextDueAt);
  }

  private async open(m: EntityManager, dto: CreateAuditDto, actor: Actor, previous?: AuditEntity): Promise<AuditEntity> {
    const now = this.clock.now();
    const row = await this.audits.insert(m, {
      type: dto.type,
      title: dto.title,
      scope: dto.scope ?? null,
      stage: FIRST_STAGE[dto.type],
      status: 'active',
      cycle: previous ? previous.cycle + 1 : 1,
      findings: [],
      previousAuditId: previous?.id ?? null,
      createdBy: actor.subject,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.append(m, actor, {
      action: 'audit.opened',
      subjectType: 'audit',
      subjectId: row.id,
      after: { type: row.type, title: row.title, cycle: row.cycle },
    });
    const definitionKey = PROCESS_BY_TYPE[dto.type];
    if (await this.definitions.isDeployed(m, definitionKey)) {
      const { instance } = await this.processes.start(m, {
        definitionKey,
        subject: { type: 'audit', id: row.id },
        variables: { auditId: row.id, auditType: row.type, title: row.title },
        actor,
      });
      row.instanceId = instance.id;
      await this.audits.setInstance(m, row.id, instance.id);
    }
    return row;
  }

  private async lock(m: EntityManager, id: string): Promise<AuditEntity> {
    const row = await this.audits.lock(m, id);
    if (!row) throw new AuditError(AuditErrorCode.NotFound, `No audit ${id}`);
    return row;
  }

  private async update(m: EntityManager, id: string, stage: string | undefined, status: string | undefined, vars: Record<string, unknown>, actor: Actor) {
    const row = await this.lock(m, id);
    const before = { stage: row.stage, status: row.status };
    if (vars.scope !== undefined) row.scope = str(vars.scope) ?? null;
    if (vars.auditedArea !== undefined) row.auditedArea = str(vars.auditedArea) ?? null;
    if (vars.areaOwner !== undefined) row.areaOwner = str(vars.areaOwner) ?? null;
    if (status) row.status = status;
    const output: Record<string, unknown> = {};
    if (stage === 'certified') {
      row.certifiedAt = this.clock.now();
      row.surveillance1Due = addMonths(row.certifiedAt, 12);
      row.surveillance2Due = addMonths(row.certifiedAt, 24);
      row.recertificationDue = addMonths(row.certifiedAt, 36);
      Object.assign(output, {
        surveillance1Due: row.surveillance1Due.toISOString(),
        surveillance2Due: row.surveillance2Due.toISOString(),
        recertificationDue: row.recertificationDue.toISOString(),
      });
    }
    if (stage) row.stage = stage;
    row.updatedAt = this.clock.now();
    await this.audits.save(m, row);
    if (before.stage !== row.stage || before.status !== row.status) {
      await this.audit.append(m, actor, {
        action: 'audit.stage-changed',
        subjectType: 'audit',
        subjectId: id,
        before,
        after: { stage: row.stage, status: row.status },
      });
      await this.outbox.publish(m, {
        type: 'audit.stage-changed',
        subject: { type: 'audit', id },
        data: { id, type: row.type, from: before.stage, to: row.stage, status: row.status },
      });
    }
    return output;
  }

  /**
   * Findings as the auditor entered them (the form only says "array"): each needs a title, a
   * severity (major, minor, observation), and clause or Annex A control references as lists of
   * ids (controls from the catalogue). Problems point at the task variable: /variables/findings/0/severity.
   */
  private checkedFindings(value: unknown): Finding[] {
    const errors: ProblemFieldError[] = [];
    const findings = list<unknown>(value);
    findings.forEach((finding, i) => {
      const at = (field?: string) => `/variables/findings/${i}${field ? `/${field}` : ''}`;
      if (finding === null || typeof finding !== 'object' || Array.isArray(finding)) {
        errors.push({ pointer: at(), message: 'must be an object {title, severity, clauseRefs?, controlRefs?}' });
        return;
      }
      const f = finding as Record<string, unknown>;
      if (typeof f.title !== 'string' || !f.title.trim()) errors.push({ pointer: at('title'), message: 'is required (a text)' });
      if (!(NC_SEVERITIES as readonly unknown[]).includes(f.severity))
        errors.push({ pointer: at('severity'), message: `must be one of: ${NC_SEVERITIES.join(', ')}` });
      for (const field of ['clauseRefs', 'controlRefs'] as const) {
        const refs = f[field];
        if (refs === undefined || refs === null) continue;
        if (!Array.isArray(refs) || refs.some((ref) => typeof ref !== 'string')) {
          errors.push({ pointer: at(field), message: 'must be a list of ids' });
          continue;
        }
        if (field === 'controlRefs') {
          refs.forEach((ref, j) => {
            if (!this.catalogue.byId.has(ref))
              errors.push({ pointer: `${at(field)}/${j}`, message: `"${ref}" is not an Annex A control (GET /api/v1/controls)` });
          });
        }
      }
    });
    if (errors.length) throw new AuditError(AuditErrorCode.InvalidFindings, 'Some findings are invalid', errors);
    return findings as Finding[];
  }

  private async raiseFindings(id: string, findings: Finding[], ctx: HandlerContext) {
    const row = await this.lock(ctx.manager, id);
    const ids: string[] = [];
    for (const finding of findings) {
      const nc = await this.nonconformities.raise(
        ctx.manager,
        {
          title: finding.title,
          description: `Finding of ${row.type} audit "${row.title}" (${row.stage})`,
          source: row.type === 'certification' ? 'certification-audit' : 'internal-audit',
          severity: finding.severity,
          clauseRefs: finding.clauseRefs ?? [],
          controlRefs: finding.controlRefs ?? [],
          auditId: id,
        },
        ctx.actor,
      );
      ids.push(nc.id);
      row.findings = [...row.findings, { ...finding, stage: row.stage, nonconformityId: nc.id }];
    }
    row.updatedAt = this.clock.now();
    await this.audits.save(ctx.manager, row);
    return { nonconformityIds: ids };
  }
}
