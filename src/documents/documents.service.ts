import { Injectable } from '@nestjs/common';
import { PassThrough, type Writable } from 'node:stream';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import type { AiSystemDto } from '../ai-systems/dto/ai-system-response.dto.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { AuditsService } from '../audits/audits.service.js';
import { Clock } from '../clock/clock.js';
import { EvidenceRegister } from '../common/evidence-register.js';
import type { Page } from '../common/pagination.js';
import type { StreamedContent } from '../common/send-content.js';
import { ControlsService } from '../controls/controls.service.js';
import { ImpactAssessmentsService } from '../impact-assessments/impact-assessments.service.js';
import { ManagementReviewService } from '../management-review/management-review.service.js';
import { NonconformitiesService } from '../nonconformities/nonconformities.service.js';
import { RisksService } from '../risks/risks.service.js';
import * as build from './document-builders.js';
import { DOCUMENT_KINDS, type DocumentFormat, type DocumentKind, MEDIA_TYPES } from './document-kinds.js';
import { contentHash, type DocumentModel } from './document-model.js';
import { DocumentsError, DocumentsErrorCode } from './documents.errors.js';
import type { DocumentQueryDto } from './dto/document-query.dto.js';
import { renderDocx } from './renderers/docx-renderer.js';
import { renderPdf } from './renderers/pdf-renderer.js';
import { renderXlsx } from './renderers/xlsx-renderer.js';

const PAGE = 500;

/** Every item of a paginated list, page by page. */
async function all<T>(fetch: (limit: number, offset: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetch(PAGE, offset);
    items.push(...page.items);
    if (page.items.length < PAGE) return items;
  }
}

const RENDERERS: Record<DocumentFormat, (model: DocumentModel, out: Writable) => Promise<void>> = { pdf: renderPdf, xlsx: renderXlsx, docx: renderDocx };

/**
 * Documents for auditors, generated from current data each time: the owning modules' services give
 * the data, the builders lay it out in sections, a renderer writes the format. Each carries its
 * generation time, the rule set versions used and a verification footer (the SHA-256 of the data it
 * was built from and the audit chain head).
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly controls: ControlsService,
    private readonly evidence: EvidenceRegister,
    private readonly systems: AiSystemsService,
    private readonly assessments: ImpactAssessmentsService,
    private readonly risks: RisksService,
    private readonly nonconformities: NonconformitiesService,
    private readonly audits: AuditsService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly reviews: ManagementReviewService,
  ) {}

  /** The document as a streamed response; an unknown kind, a format it lacks or a missing parameter are refused before anything is built. */
  async generate(kind: string, query: DocumentQueryDto): Promise<StreamedContent> {
    const { format, model } = await this.prepare(kind, query);
    const stream = new PassThrough();
    RENDERERS[format](model, stream).catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
    const fileName = `${kind}-${model.generatedAt.toISOString().slice(0, 10)}.${format}`;
    return {
      status: 200,
      headers: {
        'Content-Type': MEDIA_TYPES[format],
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Content-SHA256': model.verification.contentHash,
      },
      stream,
    };
  }

  /** Writes a document to a stream (the audit pack puts each into its ZIP). */
  async write(kind: DocumentKind, query: DocumentQueryDto, out: Writable): Promise<DocumentModel> {
    const { format, model } = await this.prepare(kind, query);
    await RENDERERS[format](model, out);
    return model;
  }

  private async prepare(kind: string, query: DocumentQueryDto): Promise<{ format: DocumentFormat; model: DocumentModel }> {
    if (!Object.hasOwn(DOCUMENT_KINDS, kind))
      throw new DocumentsError(DocumentsErrorCode.UnknownKind, `There is no document kind "${kind}"`, [
        { pointer: '/kind', message: `must be one of ${Object.keys(DOCUMENT_KINDS).join(', ')}` },
      ]);
    const formats: readonly DocumentFormat[] = DOCUMENT_KINDS[kind as DocumentKind];
    const format = (query.format ?? formats[0]) as DocumentFormat;
    if (!formats.includes(format))
      throw new DocumentsError(
        DocumentsErrorCode.UnsupportedFormat,
        `The ${kind} document is available as ${formats.join(', ')}, not as ${query.format}`,
        [{ pointer: '/format', message: `must be one of ${formats.join(', ')}` }],
        { supported: formats.map((f) => ({ format: f, mediaType: MEDIA_TYPES[f] })) },
      );
    const generatedAt = this.clock.now();
    const built = await this.build(kind as DocumentKind, query);
    const model: DocumentModel = {
      kind,
      title: built.title,
      subtitle: built.subtitle,
      landscape: built.landscape,
      generatedAt,
      ruleSets: built.ruleSets,
      sections: built.sections,
      verification: { contentHash: contentHash(built.data), auditHead: await this.audit.head() },
    };
    return { format, model };
  }

  private build(kind: DocumentKind, query: DocumentQueryDto): Promise<build.BuiltDocument> {
    switch (kind) {
      case 'statement-of-applicability':
        return this.statementOfApplicability();
      case 'impact-assessment':
        return this.impactAssessment(query);
      case 'risk-register':
        return this.riskRegister(query.systemId);
      case 'nonconformities':
        return this.nonconformityReport(query.systemId);
      case 'audit-report':
        return this.auditReport(query.auditId);
      case 'management-review':
        return query.managementReviewInputId ? this.storedManagementReview(query.managementReviewInputId) : this.managementReview();
    }
  }

  private async statementOfApplicability(): Promise<build.BuiltDocument> {
    const [soa, evidence] = await Promise.all([this.controls.statementOfApplicability(), this.evidence.indexByTarget('control')]);
    return build.statementOfApplicability(soa, evidence);
  }

  private async impactAssessment(query: DocumentQueryDto): Promise<build.BuiltDocument> {
    let assessment;
    if (query.impactAssessmentId) assessment = await this.assessments.get(query.impactAssessmentId);
    else if (query.systemId) {
      const versions = await this.assessments.list({ systemId: query.systemId, limit: PAGE, offset: 0 });
      const latest = versions.items.sort((a, b) => b.version - a.version)[0];
      if (!latest)
        throw new DocumentsError(DocumentsErrorCode.NoImpactAssessment, `AI system ${query.systemId} has no impact assessment`, [
          { pointer: '/systemId', message: 'has no impact assessment' },
        ]);
      assessment = latest;
    } else
      throw new DocumentsError(DocumentsErrorCode.MissingParameter, 'The impact-assessment document needs impactAssessmentId or systemId', [
        { pointer: '/impactAssessmentId', message: 'required (or systemId for the latest version)' },
      ]);
    const [system, versions, changes] = await Promise.all([
      this.systems.get(assessment.systemId),
      all((limit, offset) => this.assessments.list({ systemId: assessment.systemId, limit, offset })),
      this.audit.changesOf('impact-assessment', assessment.id),
    ]);
    return build.impactAssessment(
      system,
      assessment,
      versions.sort((a, b) => a.version - b.version),
      changes,
    );
  }

  private async systemNames(): Promise<Map<string, string>> {
    const systems = await this.allSystems();
    return new Map(systems.map((s) => [s.id, s.name]));
  }

  private allSystems(): Promise<AiSystemDto[]> {
    return all((limit, offset) => this.systems.list({ limit, offset }));
  }

  private async riskRegister(systemId?: string): Promise<build.BuiltDocument> {
    const [risks, systems, evidence] = await Promise.all([
      all((limit, offset) => this.risks.list({ systemId, limit, offset })),
      this.systemNames(),
      this.evidence.indexByTarget('risk'),
    ]);
    return build.riskRegister(risks, systems, evidence);
  }

  private async nonconformityReport(systemId?: string): Promise<build.BuiltDocument> {
    const [items, systems] = await Promise.all([all((limit, offset) => this.nonconformities.list({ systemId, limit, offset })), this.systemNames()]);
    return build.nonconformityReport(items, systems);
  }

  private async auditReport(auditId?: string): Promise<build.BuiltDocument> {
    if (!auditId)
      throw new DocumentsError(DocumentsErrorCode.MissingParameter, 'The audit-report document needs auditId', [{ pointer: '/auditId', message: 'required' }]);
    const [audit, nonconformities, changes] = await Promise.all([
      this.audits.get(auditId),
      all((limit, offset) => this.nonconformities.list({ auditId, limit, offset })),
      this.audit.changesOf('audit', auditId),
    ]);
    return build.auditReport(audit, nonconformities, changes);
  }

  private async storedManagementReview(id: string): Promise<build.BuiltDocument> {
    return build.managementReviewRecord(await this.reviews.get(id));
  }

  private async managementReview(): Promise<build.BuiltDocument> {
    const [systems, soa, risks, assessments, nonconformities, audits] = await Promise.all([
      this.allSystems(),
      this.controls.statementOfApplicability(),
      all((limit, offset) => this.risks.list({ limit, offset })),
      all((limit, offset) => this.assessments.list({ limit, offset })),
      all((limit, offset) => this.nonconformities.list({ limit, offset })),
      all((limit, offset) => this.audits.list({ limit, offset })),
    ]);
    return build.managementReview({ systems, soa, risks, assessments, nonconformities, audits });
  }
}
