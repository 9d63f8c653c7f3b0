import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { Database } from '../database/database.js';
import { EvidenceRegister } from '../common/evidence-register.js';
import { toRequiredControlSourceDto } from '../rules/dto/required-control.dto.js';
import { RuleEvaluator } from '../rules/rule-evaluator.service.js';
import { CONTROLS_RULE_SET, type RequiredControl, RISK_CLASS_RULE_SET } from '../rules/system-classifier.js';
import { ControlsCatalogue } from './controls-catalogue.js';
import { ControlsError, ControlsErrorCode } from './controls.errors.js';
import {
  type ControlCatalogueDto,
  type ControlDto,
  type ControlImplementationDto,
  type SystemControlsDto,
  toClauseDto,
  toControlDto,
  toControlImplementationDto,
} from './dto/control.dto.js';
import type { SetImplementationDto } from './dto/controls.dto.js';
import type { SoaEntryDto, StatementOfApplicabilityDto } from './dto/statement-of-applicability.dto.js';
import type { ControlImplementationEntity } from './entities/control-implementation.entity.js';
import type { ImplementationStatus } from './implementation-status.js';
import { ControlImplementationsRepository } from './repositories/control-implementations.repository.js';
import { csvCell } from '../common/csv-cell.js';

/** Pseudo-subject for what the rules require with no system facts at all: the AIMS itself. */
const ORGANISATION_FACTS = {};

@Injectable()
export class ControlsService {
  constructor(
    private readonly db: Database,
    private readonly implementations: ControlImplementationsRepository,
    private readonly systems: AiSystemsService,
    private readonly catalogue: ControlsCatalogue,
    private readonly rules: RuleEvaluator,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly evidence: EvidenceRegister,
  ) {}

  list(group?: string): ControlCatalogueDto {
    const { standard, regulation, note, clauses, controls } = this.catalogue.data;
    return {
      standard,
      regulation,
      note,
      clauses: clauses.map(toClauseDto),
      controls: (group ? controls.filter((c) => c.group === group) : controls).map(toControlDto),
    };
  }

  get(id: string): ControlDto {
    const control = this.catalogue.byId.get(id);
    if (!control) throw new ControlsError(ControlsErrorCode.ControlNotFound, `No Annex A control ${id}`);
    return toControlDto(control);
  }

  /** A system's required controls with catalogue titles, the rules that require them and the decision. */
  async forSystem(systemId: string): Promise<SystemControlsDto> {
    const system = await this.systems.find(this.db.manager, systemId);
    const statuses = await this.implementationStatuses();
    return {
      systemId,
      riskClass: system.riskClass,
      decisionId: system.controlsDecisionId,
      controls: system.requiredControls.map((required) => {
        const control = this.catalogue.byId.get(required.id);
        return {
          id: required.id,
          title: control?.title ?? null,
          objective: control?.objective ?? null,
          justification: required.sources
            .map((s) => s.justification)
            .filter(Boolean)
            .join(' '),
          sources: required.sources.map(toRequiredControlSourceDto),
          implementationStatus: statuses.get(required.id)?.status ?? 'not-started',
          euAiAct: control?.euAiAct?.articles ?? [],
        };
      }),
    };
  }

  /**
   * The Statement of Applicability, derived every time from the active rule versions and the
   * current systems: each system's stored required controls (re-derived whenever the rules change)
   * plus what the active required-controls rules demand of the AIMS as a whole. With
   * `evidenceExpired`, only the controls whose linked evidence has (or has not) expired.
   */
  async statementOfApplicability(evidenceExpired?: boolean): Promise<StatementOfApplicabilityDto> {
    const organisation = await this.rules.evaluate(CONTROLS_RULE_SET, ORGANISATION_FACTS);
    const orgControls = new Map(((organisation.outcome.controls as RequiredControl[] | undefined) ?? []).map((c) => [c.id, c]));
    const rows = await this.systems.inScope();
    type Usage = { systems: Array<{ id: string; name: string }>; rules: Map<string, RequiredControl['sources'][number]> };
    const bySystem = new Map<string, Usage>();
    for (const row of rows) {
      for (const required of row.requiredControls) {
        const entry: Usage = bySystem.get(required.id) ?? { systems: [], rules: new Map() };
        entry.systems.push({ id: row.id, name: row.name });
        for (const source of required.sources) entry.rules.set(source.rule, source);
        bySystem.set(required.id, entry);
      }
    }
    const statuses = await this.implementationStatuses();
    const evidence = await this.evidence.byControl();
    const entries: SoaEntryDto[] = this.catalogue.controls.map((control) => {
      const org = orgControls.get(control.id);
      const used = bySystem.get(control.id);
      const rules = new Map(used?.rules ?? []);
      for (const source of org?.sources ?? []) rules.set(source.rule, source);
      const applicable = rules.size > 0;
      const implementation = statuses.get(control.id);
      return {
        controlId: control.id,
        title: control.title,
        objective: control.objective,
        applicable,
        justification: applicable
          ? [...new Set([...rules.values()].map((r) => r.justification).filter(Boolean))].join(' ')
          : `Excluded: the active ${CONTROLS_RULE_SET} rules require it neither for the AI management system as a whole nor for any of the ${rows.length} registered AI systems in scope.`,
        rules: [...rules.values()].map(toRequiredControlSourceDto),
        systems: used?.systems ?? [],
        organisationWide: Boolean(org),
        implementationStatus: implementation?.status ?? 'not-started',
        implementationNote: implementation?.note ?? null,
        euAiAct: control.euAiAct?.articles ?? [],
        evidence: evidence.get(control.id)?.count ?? 0,
        evidenceExpired: (evidence.get(control.id)?.expired ?? 0) > 0,
      };
    });
    return {
      standard: this.catalogue.data.standard,
      generatedAt: this.clock.now(),
      ruleSets: {
        [RISK_CLASS_RULE_SET]: await this.rules.activeVersion(RISK_CLASS_RULE_SET),
        [CONTROLS_RULE_SET]: organisation.version,
      },
      systemsInScope: rows.length,
      applicable: entries.filter((e) => e.applicable).length,
      controls: evidenceExpired === undefined ? entries : entries.filter((e) => e.evidenceExpired === evidenceExpired),
    };
  }

  async setImplementation(controlId: string, dto: SetImplementationDto, actor: Actor): Promise<ControlImplementationDto> {
    this.get(controlId);
    return toControlImplementationDto(await this.db.transaction((m) => this.recordImplementation(m, controlId, dto.status, dto.note ?? null, actor)));
  }

  /** Also used by risk treatment when a selected control is implemented or verified. */
  async recordImplementation(m: EntityManager, controlId: string, status: ImplementationStatus, note: string | null, actor: Actor) {
    const before = await this.implementations.lock(m, controlId);
    const row = await this.implementations.save(m, { controlId, status, note, updatedBy: actor.subject, updatedAt: this.clock.now() });
    await this.audit.append(m, actor, {
      action: 'control.implementation-updated',
      subjectType: 'control',
      subjectId: controlId,
      before: before ? { status: before.status, note: before.note } : null,
      after: { status, note },
    });
    return row;
  }

  private async implementationStatuses(): Promise<Map<string, ControlImplementationEntity>> {
    const rows = await this.implementations.all(this.db.manager);
    return new Map(rows.map((row) => [row.controlId, row]));
  }
}

const CSV_COLUMNS = [
  'controlId',
  'title',
  'objective',
  'applicable',
  'justification',
  'systems',
  'rules',
  'implementationStatus',
  'implementationNote',
  'euAiAct',
  'evidence',
  'evidenceExpired',
] as const;

/** The Statement of Applicability as CSV, one row per Annex A control. */
export function soaToCsv(soa: StatementOfApplicabilityDto): string {
  const lines = soa.controls.map((entry) =>
    [
      entry.controlId,
      entry.title,
      entry.objective,
      entry.applicable ? 'yes' : 'no',
      entry.justification,
      [...(entry.organisationWide ? ['organisation-wide'] : []), ...entry.systems.map((s) => s.name)].join('; '),
      entry.rules.map((r) => r.rule).join('; '),
      entry.implementationStatus,
      entry.implementationNote,
      entry.euAiAct.join('; '),
      entry.evidence,
      entry.evidenceExpired ? 'yes' : 'no',
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
