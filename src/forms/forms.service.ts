import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { FormRegistry, type StoredForm } from '../common/form-registry.js';
import { type Page, page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { type CamundaFormSchema, formSchemaIssues } from '../engine/forms/camunda-form.js';
import { type FormDetailDto, type FormQueryDto, type FormSummaryDto, type FormVersionDto, toFormSummaryDto, toFormVersionDto } from './dto/form.dto.js';
import { FormError, FormErrorCode } from './forms.errors.js';
import { FormsRepository } from './repositories/forms.repository.js';

const FORM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Camunda forms (form-js JSON), versioned per id. A user task linking a form id is bound to the
 * version that is the latest when the task opens (Camunda's bindingType "latest").
 */
@Injectable()
export class FormsService extends FormRegistry {
  constructor(
    private readonly db: Database,
    private readonly forms: FormsRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Stores the body as the next version of its `id`; an unusable schema stores nothing (422 naming each component at fault). */
  async create(body: unknown, actor: Actor): Promise<FormVersionDto> {
    const issues = formSchemaIssues(body);
    const document = body as Record<string, unknown>;
    if (issues.length === 0 && (typeof document.id !== 'string' || !FORM_ID.test(document.id))) {
      issues.push({ pointer: '/id', message: 'needs the form id (letters, digits, ".", "-", "_"; at most 200) that user tasks link with formId' });
    }
    if (issues.length) throw new FormError(FormErrorCode.InvalidForm, `The form cannot be used (${issues.length} issue(s)); nothing was stored`, issues);
    const formId = document.id as string;
    return this.db.transaction(async (m) => {
      await this.forms.lockId(m, formId);
      const stored = await this.forms.insertNextVersion(m, {
        formId,
        name: typeof document.name === 'string' ? document.name : null,
        schema: document as CamundaFormSchema,
        createdBy: actor.subject,
        createdAt: this.clock.now(),
      });
      await this.audit.append(m, actor, { action: 'form.created', subjectType: 'form', subjectId: formId, after: { version: stored.version } });
      return toFormVersionDto(stored);
    });
  }

  async list(query: FormQueryDto): Promise<Page<FormSummaryDto>> {
    const [rows, total] = await this.forms.list(this.db.manager, query.search, query.limit, query.offset);
    return page(rows.map(toFormSummaryDto), total, query);
  }

  async get(formId: string): Promise<FormDetailDto> {
    const versions = await this.forms.versions(this.db.manager, formId);
    if (!versions.length) throw new FormError(FormErrorCode.NotFound, `No form "${formId}"`);
    return {
      formId,
      latest: toFormVersionDto(versions[0]),
      versions: versions.map((v) => ({ version: v.version, createdBy: v.createdBy, createdAt: v.createdAt })),
    };
  }

  async getVersion(formId: string, version: number): Promise<FormVersionDto> {
    const found = await this.forms.version(this.db.manager, formId, version);
    if (found) return toFormVersionDto(found);
    await this.get(formId);
    throw new FormError(FormErrorCode.VersionNotFound, `Form "${formId}" has no version ${version}`);
  }

  async latest(m: EntityManager, formIds: string[]): Promise<Map<string, StoredForm>> {
    if (!formIds.length) return new Map();
    return new Map((await this.forms.latest(m, formIds)).map((f) => [f.formId, { formId: f.formId, version: f.version, schema: f.schema }]));
  }
}
