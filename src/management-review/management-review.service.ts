import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditsService } from '../audits/audits.service.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { TaskLinks, type TaskRef } from '../common/task-links.js';
import { list, str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { NonconformitiesService } from '../nonconformities/nonconformities.service.js';
import { ObjectivesService } from '../objectives/objectives.service.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import type { ManagementReviewInputDto, ManagementReviewInputQueryDto, ReviewInputContentDto } from './dto/management-review-input.dto.js';
import { toManagementReviewInputDto } from './dto/management-review-input.dto.js';
import { ManagementReviewError, ManagementReviewErrorCode } from './management-review.errors.js';
import { ManagementReviewInputsRepository } from './repositories/management-review-inputs.repository.js';

/** Up to this many rows of each register go into one input (the newest). */
const ROWS = 500;
const all = { limit: ROWS, offset: 0 };

const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

/**
 * The management review input (ISO/IEC 42001 9.3.2): compiled from the registers through their
 * services when a management review falls due, kept with the review and what it decided.
 */
@Injectable()
export class ManagementReviewService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly inputs: ManagementReviewInputsRepository,
    private readonly audits: AuditsService,
    private readonly nonconformities: NonconformitiesService,
    private readonly objectives: ObjectivesService,
    private readonly incidents: IncidentsService,
    private readonly handlers: HandlerRegistry,
    private readonly clock: Clock,
    private readonly taskLinks: TaskLinks,
  ) {}

  onModuleInit(): void {
    this.taskLinks.register((tasks) => this.reviewTaskLinks(tasks));
    this.handlers.register(
      'management-review.compile-input',
      'Compiles the management review input of clause 9.3.2 from the registers and keeps it (GET /management-review-inputs/{id}); returns managementReviewInputId.',
      async (vars, ctx) => {
        const row = await this.inputs.insert(ctx.manager, {
          auditId: str(vars.auditId) ?? null,
          instanceId: ctx.instanceId,
          content: { ...(await this.compile(ctx.manager)) },
          compiledBy: ctx.actor.subject,
          compiledAt: this.clock.now(),
        });
        return { managementReviewInputId: row.id };
      },
    );
    this.handlers.register(
      'management-review.record-outcome',
      'Keeps the review’s managementDecisions and improvementActions with its input (`managementReviewInputId`), for the next review.',
      async (vars, ctx) => {
        const row = await this.inputs.lock(ctx.manager, str(vars.managementReviewInputId) ?? '');
        if (!row) throw new ManagementReviewError(ManagementReviewErrorCode.NotFound, `No management review input ${str(vars.managementReviewInputId)}`);
        row.decisions = str(vars.managementDecisions) ?? null;
        row.improvementActions = list(vars.improvementActions);
        row.decidedBy = ctx.actor.subject;
        row.decidedAt = this.clock.now();
        await this.inputs.save(ctx.manager, row);
      },
    );
  }

  async list(query: ManagementReviewInputQueryDto): Promise<Page<ManagementReviewInputDto>> {
    const [items, total] = await this.inputs.list(this.db.manager, { auditId: query.auditId }, query.limit, query.offset);
    return page(items.map(toManagementReviewInputDto), total, query);
  }

  async get(id: string): Promise<ManagementReviewInputDto> {
    const row = await this.inputs.find(this.db.manager, id);
    if (!row) throw new ManagementReviewError(ManagementReviewErrorCode.NotFound, `No management review input ${id}`);
    return toManagementReviewInputDto(row);
  }

  /**
   * The review step's links to its input: the task whose form asks for `managementDecisions` (what
   * `management-review.record-outcome` keeps), created once an input was compiled in its instance,
   * links the latest such input, as JSON and as PDF.
   */
  private async reviewTaskLinks(tasks: TaskRef[]): Promise<Map<string, Record<string, string>>> {
    const links = new Map<string, Record<string, string>>();
    const reviews = tasks.filter((t) => t.form.some((f) => f.name === 'managementDecisions'));
    if (!reviews.length) return links;
    const inputs = await this.inputs.ofInstances(this.db.manager, [...new Set(reviews.map((t) => t.instanceId))]);
    for (const task of reviews) {
      const input = inputs.find((i) => i.instanceId === task.instanceId && i.compiledAt.getTime() <= task.createdAt.getTime());
      if (input)
        links.set(task.id, {
          reviewInput: `/api/v1/management-review-inputs/${input.id}`,
          reviewInputPdf: `/api/v1/documents/management-review?format=pdf&managementReviewInputId=${input.id}`,
        });
    }
    return links;
  }

  private async compile(m: EntityManager): Promise<ReviewInputContentDto> {
    const [ncs, objectives, audits, incidents, previous] = await Promise.all([
      this.nonconformities.list({ ...all }),
      this.objectives.list({ ...all, status: 'active' }),
      this.audits.list({ ...all }),
      this.incidents.list({ ...all }),
      this.inputs.decided(m),
    ]);
    const openNcs = ncs.items.filter((n) => !['closed', 'withdrawn'].includes(n.status));
    const objectiveResults = objectives.items.map((o) => {
      const latest = o.series[o.series.length - 1];
      return {
        id: o.id,
        title: o.title,
        target: o.target,
        direction: o.direction,
        unit: o.unit,
        latest: latest ? { value: latest.value, measuredAt: latest.measuredAt, breach: latest.breach, severity: latest.severity } : null,
        breaches: o.series.filter((s) => s.breach).length,
        trend: o.trend,
      };
    });
    return {
      compiledAt: this.clock.now().toISOString(),
      previousReviews: previous.map((r) => ({
        inputId: r.id,
        auditId: r.auditId,
        decidedAt: r.decidedAt,
        decidedBy: r.decidedBy,
        decisions: r.decisions,
        improvementActions: r.improvementActions,
      })),
      nonconformities: {
        total: ncs.total,
        byStatus: countBy(ncs.items, (n) => n.status),
        bySeverity: countBy(ncs.items, (n) => n.severity),
        open: openNcs.map((n) => ({ id: n.id, title: n.title, severity: n.severity, status: n.status, source: n.source, systemId: n.systemId })),
      },
      objectives: objectiveResults,
      audits: audits.items.map((a) => ({ id: a.id, type: a.type, title: a.title, stage: a.stage, status: a.status, findings: a.findings.length })),
      incidents: {
        total: incidents.total,
        serious: incidents.items.filter((i) => i.serious).length,
        lateReports: incidents.items.filter((i) => i.late).map((i) => ({ id: i.id, title: i.title, deadlineAt: i.deadlineAt, submittedAt: i.submittedAt })),
        open: incidents.items
          .filter((i) => !['closed', 'dismissed', 'withdrawn'].includes(i.status))
          .map((i) => ({ id: i.id, title: i.title, status: i.status, serious: i.serious })),
      },
      opportunitiesForImprovement: [
        ...openNcs.filter((n) => n.severity === 'observation').map((n) => ({ kind: 'observation', nonconformityId: n.id, title: n.title })),
        ...objectiveResults.filter((o) => o.trend === 'worsening').map((o) => ({ kind: 'objective-worsening', objectiveId: o.id, title: o.title })),
      ],
    };
  }
}
