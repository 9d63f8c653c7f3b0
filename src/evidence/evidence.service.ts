import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type EvidenceIndexEntry, EvidenceRegister, type PackedEvidence, type EvidenceTask, type LinkedEvidence } from '../common/evidence-register.js';
import { type Page, page } from '../common/pagination.js';
import { toFieldErrors } from '../common/validation.js';
import type { AppConfig } from '../config/app-config.js';
import { ControlsCatalogue } from '../controls/controls-catalogue.js';
import { Database } from '../database/database.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';
import { TaskRecords } from '../tasks/task-records.service.js';
import { parseRange } from './byte-range.js';
import { ChunkBatches, type ChunkRef, chunkKey } from './chunk-batches.js';
import { type EvidenceQueryDto, UploadEvidenceDto } from './dto/evidence.dto.js';
import { type EvidenceDto, toEvidenceDto } from './dto/evidence-response.dto.js';
import type { EvidenceEntity } from './entities/evidence.entity.js';
import { LINK_FIELD_NAMES, LINK_FIELDS, type LinkField } from './evidence-links.js';
import { detectEvidenceType } from './evidence-types.js';
import { EvidenceError, EvidenceErrorCode } from './evidence.errors.js';
import { attachmentDisposition, sanitiseFileName } from './file-name.js';
import { discardRest, type FilePart, FILE_FIELD, readMultipart } from './multipart-upload.js';
import { EvidenceChunksRepository } from './repositories/evidence-chunks.repository.js';
import { type EvidenceLink, EvidenceRepository } from './repositories/evidence.repository.js';

/** Content is stored in rows of this many bytes (the last one shorter), written as the upload streams. */
export const CHUNK_BYTES = 256 * 1024;
/**
 * Uploads in flight per replica: each holds a database connection for as long as its client
 * sends, so a few slow uploads must not take the pool from everything else.
 */
export const MAX_CONCURRENT_UPLOADS = 4;
const MAX_FIELDS = 50;
/** Reading many items in a row (audit packs): items looked up per query, and chunk bytes (and chunks) fetched per query. */
const READ_ITEMS_PER_QUERY = 1000;
const READ_BATCH_BYTES = 4 * 1024 * 1024;
const READ_BATCH_CHUNKS = 1000;
const MAX_FIELD_BYTES = 16 * 1024;

/** What was stored of an upload's file part. */
interface StoredContent {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** A download: status (200, or 206 for a range), headers and the bytes, streamed from the chunks. */
export interface EvidenceContent {
  status: 200 | 206;
  headers: OutgoingHttpHeaders;
  stream: Readable;
}

/**
 * The evidence register: files that show a control, an assessment or a task was done, stored in
 * PostgreSQL (chunked, hashed while streaming) in one transaction with their audit event, so the
 * hash chain vouches for their SHA-256. Content never changes; a correction supersedes.
 */
@Injectable()
export class EvidenceService extends EvidenceRegister {
  private readonly maxBytes: number;
  private readonly quotaBytes: number;
  private uploading = 0;

  constructor(
    private readonly db: Database,
    private readonly evidence: EvidenceRepository,
    private readonly chunks: EvidenceChunksRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly catalogue: ControlsCatalogue,
    private readonly subjectTypes: SubjectTypes,
    private readonly tasks: TaskRecords,
    config: ConfigService<AppConfig, true>,
  ) {
    super();
    this.maxBytes = config.get('evidenceMaxBytes', { infer: true });
    this.quotaBytes = config.get('evidenceQuotaBytes', { infer: true });
  }

  /**
   * Stores one upload (multipart/form-data: text fields and one `file` part) in one transaction:
   * the chunks as they arrive, then the item, its links, the superseded item's pointer and the
   * audit event with the SHA-256. Any refusal rolls all of it back.
   */
  async upload(req: IncomingMessage, actor: Actor): Promise<EvidenceDto> {
    if (this.uploading >= MAX_CONCURRENT_UPLOADS) {
      await discardRest(req);
      throw new EvidenceError(EvidenceErrorCode.UploadsBusy, `${MAX_CONCURRENT_UPLOADS} uploads are in progress on this replica; retry shortly`);
    }
    this.uploading++;
    try {
      // One attempt: the request stream cannot be read twice.
      return await this.db.transactionOnce(async (m) => {
        const id = randomUUID();
        const quotaLeft = this.quotaBytes - (await this.evidence.totalBytes(m));
        const limits = { maxFileBytes: this.maxBytes, setting: 'AIMSFLOW_EVIDENCE_MAX_BYTES', maxFields: MAX_FIELDS, maxFieldBytes: MAX_FIELD_BYTES };
        const { fields, file } = await readMultipart(req, limits, (part) => this.storeContent(m, id, part, quotaLeft));
        const dto = await this.uploadFields(fields);
        const previous = dto.supersedes ? await this.lockSuperseded(m, dto.supersedes) : undefined;
        const links = await this.checkLinks(m, dto, previous);
        await this.evidence.lockQuota(m);
        this.checkQuota(file.sizeBytes, await this.evidence.totalBytes(m));
        const row: EvidenceEntity = {
          id,
          ...file,
          chunkBytes: CHUNK_BYTES,
          description: dto.description,
          collectedBy: dto.collectedBy ?? actor.subject,
          uploadedBy: actor.subject,
          validUntil: dto.validUntil ? new Date(dto.validUntil) : null,
          supersedes: previous?.id ?? null,
          supersedeReason: previous ? dto.reason! : null,
          supersededBy: null,
          createdAt: this.clock.now(),
        };
        await this.evidence.insert(m, row, links);
        await this.audit.append(m, actor, {
          action: 'evidence.uploaded',
          subjectType: 'evidence',
          subjectId: id,
          after: {
            sha256: row.sha256,
            sizeBytes: row.sizeBytes,
            contentType: row.contentType,
            fileName: row.fileName,
            description: row.description,
            collectedBy: row.collectedBy,
            validUntil: row.validUntil?.toISOString() ?? null,
            links,
            supersedes: row.supersedes,
            reason: row.supersedeReason,
          },
        });
        if (previous) {
          await this.evidence.markSuperseded(m, previous.id, id);
          await this.audit.append(m, actor, {
            action: 'evidence.superseded',
            subjectType: 'evidence',
            subjectId: previous.id,
            before: { supersededBy: null },
            after: { supersededBy: id, reason: row.supersedeReason },
          });
        }
        return this.view(m, row);
      });
    } finally {
      this.uploading--;
    }
  }

  /** Streams the file part into chunks of CHUNK_BYTES, hashing as it goes; the type is decided on the first chunk, before anything is written. */
  private async storeContent(m: EntityManager, id: string, part: FilePart, quotaLeft: number): Promise<StoredContent> {
    const fileName = sanitiseFileName(part.fileName);
    const hash = createHash('sha256');
    let contentType: string | undefined;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let seq = 0;
    const write = async (chunk: Buffer) => {
      contentType ??= await this.checkType(chunk, part.declaredType, fileName);
      await this.chunks.insert(m, id, seq++, chunk);
    };
    for await (const piece of part.stream as AsyncIterable<Buffer>) {
      size += piece.length;
      if (size > quotaLeft) this.checkQuota(size, this.quotaBytes - quotaLeft);
      hash.update(piece);
      pending.push(piece);
      pendingBytes += piece.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const joined = Buffer.concat(pending);
        await write(joined.subarray(0, CHUNK_BYTES));
        pending = [joined.subarray(CHUNK_BYTES)];
        pendingBytes -= CHUNK_BYTES;
      }
    }
    if (size === 0) throw new EvidenceError(EvidenceErrorCode.EmptyFile, 'The file is empty', [{ pointer: `/${FILE_FIELD}`, message: 'must not be empty' }]);
    if (pendingBytes > 0) await write(Buffer.concat(pending));
    return { fileName, contentType: contentType!, sizeBytes: size, sha256: hash.digest('hex') };
  }

  private async checkType(prefix: Buffer, declared: string, fileName: string): Promise<string> {
    const type = await detectEvidenceType(prefix, declared, fileName);
    if ('mime' in type) return type.mime;
    throw new EvidenceError(
      type.reason === 'not-allowed' ? EvidenceErrorCode.TypeNotAllowed : EvidenceErrorCode.TypeMismatch,
      `The file ${fileName} is refused: ${type.message}`,
      [{ pointer: `/${FILE_FIELD}`, message: type.message }],
      { fileName },
    );
  }

  private checkQuota(sizeBytes: number, usedBytes: number): void {
    if (usedBytes + sizeBytes <= this.quotaBytes) return;
    throw new EvidenceError(
      EvidenceErrorCode.QuotaExceeded,
      `Storing this file would pass the evidence quota of ${this.quotaBytes} bytes (AIMSFLOW_EVIDENCE_QUOTA_BYTES): ${usedBytes} bytes are in use`,
      [{ pointer: `/${FILE_FIELD}`, message: `only ${Math.max(0, this.quotaBytes - usedBytes)} bytes of the quota are left` }],
      { limit: 'AIMSFLOW_EVIDENCE_QUOTA_BYTES', limitBytes: this.quotaBytes, usedBytes },
    );
  }

  /** The text fields as the DTO, checked as the validation pipe checks JSON bodies (pointers name the field). */
  private async uploadFields(fields: Map<string, string[]>): Promise<UploadEvidenceDto> {
    const errors: ProblemFieldError[] = [];
    const plain: Record<string, unknown> = {};
    for (const [name, values] of fields) {
      if (values.some((v) => v.includes('\u0000'))) errors.push({ pointer: `/${name}`, message: 'must not contain NUL characters' });
      if (Object.hasOwn(LINK_FIELDS, name)) plain[name] = values;
      else if (values.length > 1) errors.push({ pointer: `/${name}`, message: 'is sent more than once' });
      else plain[name] = values[0];
    }
    const dto = plainToInstance(UploadEvidenceDto, plain);
    errors.push(...toFieldErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })));
    if ((dto.supersedes === undefined) !== (dto.reason === undefined))
      errors.push(
        dto.supersedes ? { pointer: '/reason', message: 'is required with supersedes' } : { pointer: '/reason', message: 'is given only with supersedes' },
      );
    if (errors.length) throw new EvidenceError(EvidenceErrorCode.InvalidUpload, 'The upload has invalid fields', errors);
    return dto;
  }

  private async lockSuperseded(m: EntityManager, id: string): Promise<EvidenceEntity> {
    const previous = await this.evidence.lock(m, id);
    if (!previous)
      throw new EvidenceError(EvidenceErrorCode.InvalidReferences, `No evidence item ${id} to supersede`, [
        { pointer: '/supersedes', message: `no evidence item with id ${id}` },
      ]);
    if (previous.supersededBy)
      throw new EvidenceError(
        EvidenceErrorCode.AlreadySuperseded,
        `Evidence ${id} was already superseded by ${previous.supersededBy}; supersede that one`,
        [{ pointer: '/supersedes', message: `already superseded by ${previous.supersededBy}` }],
        { supersededBy: previous.supersededBy },
      );
    return previous;
  }

  /**
   * Every link names a record that exists: an AI system, task, Annex A control, risk, impact
   * assessment, nonconformity or audit (incidents once their register exists). A correction
   * without links keeps those of the item it supersedes.
   */
  private async checkLinks(m: EntityManager, dto: UploadEvidenceDto, previous: EvidenceEntity | undefined): Promise<EvidenceLink[]> {
    const links: EvidenceLink[] = [];
    const errors: ProblemFieldError[] = [];
    for (const field of LINK_FIELD_NAMES) {
      const ids = dto[field] ?? [];
      for (const [i, id] of ids.entries()) {
        const problem = await this.linkProblem(m, field, id);
        if (problem) errors.push({ pointer: `/${field}/${i}`, message: problem });
        else links.push({ kind: LINK_FIELDS[field], id });
      }
    }
    if (errors.length) throw new EvidenceError(EvidenceErrorCode.InvalidReferences, 'The evidence is linked to records that do not exist', errors);
    if (links.length) return links;
    if (previous) return (await this.evidence.linksOf(m, [previous.id])).get(previous.id) ?? [];
    throw new EvidenceError(EvidenceErrorCode.InvalidUpload, 'Evidence must be linked to at least one record', [
      { pointer: '', message: `send at least one of: ${LINK_FIELD_NAMES.filter((f) => f !== 'incidentId').join(', ')}` },
    ]);
  }

  private async linkProblem(m: EntityManager, field: LinkField, id: string): Promise<string | undefined> {
    const kind = LINK_FIELDS[field];
    if (kind === 'control') return this.catalogue.byId.has(id) ? undefined : `"${id}" is not an Annex A control (GET /api/v1/controls)`;
    if (kind === 'task') return (await this.tasks.exists(m, id)) ? undefined : `no task with id ${id}`;
    const exists = await this.subjectTypes.rowExists(m, kind, id);
    if (exists === undefined) return `there is no ${kind} register yet, so evidence cannot be linked to one`;
    return exists ? undefined : `no ${kind} with id ${id}`;
  }

  async list(query: EvidenceQueryDto): Promise<Page<EvidenceDto>> {
    const links = LINK_FIELD_NAMES.filter((field) => query[field] !== undefined).map((field) => ({ kind: LINK_FIELDS[field], id: query[field]! }));
    const [rows, total] = await this.evidence.list(
      this.db.manager,
      {
        links,
        expiringBefore: query.expiringBefore ? new Date(query.expiringBefore) : undefined,
        uploadedBy: query.uploadedBy,
        current: query.current === undefined ? undefined : query.current === 'true',
      },
      query.limit,
      query.offset,
    );
    const linksOf = await this.evidence.linksOf(
      this.db.manager,
      rows.map((r) => r.id),
    );
    const now = this.clock.now();
    return page(
      rows.map((row) => toEvidenceDto(row, linksOf.get(row.id) ?? [], now)),
      total,
      query,
    );
  }

  async get(id: string): Promise<EvidenceDto> {
    return this.view(this.db.manager, await this.find(id));
  }

  /**
   * The content, streamed from its chunks: whole (200), or one byte range (206 with
   * Content-Range; only the chunks it covers are read). A range past the end is 416.
   */
  async content(id: string, rangeHeader: string | undefined): Promise<EvidenceContent> {
    const item = await this.find(id);
    const range = parseRange(rangeHeader, item.sizeBytes);
    if (range === 'unsatisfiable')
      throw new EvidenceError(
        EvidenceErrorCode.RangeNotSatisfiable,
        `The range ${rangeHeader} lies outside the ${item.sizeBytes} bytes of evidence ${id}`,
        [{ pointer: '/headers/range', message: `must start before byte ${item.sizeBytes}` }],
        { size: item.sizeBytes },
      );
    const { start, end } = range ?? { start: 0, end: item.sizeBytes - 1 };
    const headers: OutgoingHttpHeaders = {
      'Content-Type': item.contentType.startsWith('text/') || item.contentType === 'application/json' ? `${item.contentType}; charset=utf-8` : item.contentType,
      'Content-Length': String(end - start + 1),
      'Content-Disposition': attachmentDisposition(item.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes',
      ETag: `"${item.sha256}"`,
      'Cache-Control': 'private, no-cache',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${item.sizeBytes}` } : {}),
    };
    return { status: range ? 206 : 200, headers, stream: Readable.from(this.readChunks(item, start, end)) };
  }

  /** The bytes start..end (inclusive), chunk by chunk: never more than one chunk in memory. */
  private async *readChunks(item: EvidenceEntity, start: number, end: number): AsyncGenerator<Buffer> {
    const size = item.chunkBytes;
    for (let seq = Math.floor(start / size); seq <= Math.floor(end / size); seq++) {
      const from = Math.max(start, seq * size) - seq * size;
      const to = Math.min(end, (seq + 1) * size - 1) - seq * size;
      yield await this.chunks.read(this.db.manager, item.id, seq, from, to - from + 1);
    }
  }

  async problemsAsTaskEvidence(m: EntityManager, ids: string[], task: EvidenceTask): Promise<Array<{ index: number; message: string }>> {
    const problems: Array<{ index: number; message: string }> = [];
    const found = await Promise.all(ids.map((id) => this.evidence.find(m, id)));
    const linksOf = await this.evidence.linksOf(
      m,
      found.filter((e): e is EvidenceEntity => e !== undefined).map((e) => e.id),
    );
    found.forEach((item, index) => {
      if (!item) return problems.push({ index, message: `no evidence item with id ${ids[index]}` });
      if (item.supersededBy) return problems.push({ index, message: `evidence ${item.id} was superseded by ${item.supersededBy}; give the current item` });
      const links = linksOf.get(item.id) ?? [];
      const toTask = links.some((l) => l.kind === 'task' && l.id === task.id);
      const toSystem = task.subjectType === 'ai-system' && links.some((l) => l.kind === 'ai-system' && l.id === task.subjectId);
      if (task.subjectType === 'ai-system' && !toTask && !toSystem)
        problems.push({ index, message: `evidence ${item.id} is linked neither to this task's AI system (${task.subjectId}) nor to the task` });
    });
    return problems;
  }

  async byControl(): Promise<Map<string, LinkedEvidence>> {
    const rows = await this.evidence.countsByTarget(this.db.manager, 'control', this.clock.now());
    return new Map(rows.map((r) => [r.targetId, { count: r.count, expired: r.expired }]));
  }

  async indexByTarget(kind: string): Promise<Map<string, EvidenceIndexEntry[]>> {
    const byTarget = new Map<string, EvidenceIndexEntry[]>();
    for (const { targetId, ...entry } of await this.evidence.currentByTarget(this.db.manager, kind)) {
      byTarget.set(targetId, [...(byTarget.get(targetId) ?? []), { ...entry, sizeBytes: Number(entry.sizeBytes) }]);
    }
    return byTarget;
  }

  countUploadedBetween(from: Date, to: Date, systemIds: string[]): Promise<number> {
    return this.evidence.countUploadedBetween(this.db.manager, from, to, systemIds);
  }

  async uploadedBetween(from: Date, to: Date, systemIds: string[], afterId: string | null, limit: number): Promise<PackedEvidence[]> {
    const rows = await this.evidence.uploadedBetween(this.db.manager, from, to, systemIds, afterId, limit);
    const links = await this.evidence.linksOf(
      this.db.manager,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      sha256: r.sha256,
      sizeBytes: r.sizeBytes,
      uploadedBy: r.uploadedBy,
      createdAt: r.createdAt,
      validUntil: r.validUntil,
      description: r.description,
      supersededBy: r.supersededBy,
      links: links.get(r.id) ?? [],
    }));
  }

  async *contentStreams(ids: string[]): AsyncGenerator<{ id: string; content: Readable }> {
    for (let i = 0; i < ids.length; i += READ_ITEMS_PER_QUERY) {
      const slice = ids.slice(i, i + READ_ITEMS_PER_QUERY);
      const rows = new Map((await this.evidence.findMany(this.db.manager, slice)).map((row) => [row.id, row]));
      const items = slice.map((id) => {
        const row = rows.get(id);
        if (!row) throw new EvidenceError(EvidenceErrorCode.NotFound, `No evidence item ${id}`);
        const count = Math.ceil(row.sizeBytes / row.chunkBytes);
        return {
          id,
          chunks: Array.from({ length: count }, (_, seq): ChunkRef => ({ id, seq, bytes: Math.min(row.chunkBytes, row.sizeBytes - seq * row.chunkBytes) })),
        };
      });
      const batches = new ChunkBatches(
        items.flatMap((item) => item.chunks),
        async (refs) => {
          const found = await this.chunks.readMany(this.db.manager, refs);
          const missing = refs.find((r) => !found.has(chunkKey(r.id, r.seq)));
          if (missing) throw new Error(`evidence ${missing.id} has no chunk ${missing.seq}`);
          return found;
        },
        READ_BATCH_BYTES,
        READ_BATCH_CHUNKS,
      );
      for (const item of items) {
        yield {
          id: item.id,
          content: Readable.from(
            (async function* () {
              for (const ref of item.chunks) yield await batches.take(ref.id, ref.seq);
            })(),
          ),
        };
      }
    }
  }

  private async find(id: string): Promise<EvidenceEntity> {
    const item = await this.evidence.find(this.db.manager, id);
    if (!item) throw new EvidenceError(EvidenceErrorCode.NotFound, `No evidence item ${id}`);
    return item;
  }

  private async view(m: EntityManager, row: EvidenceEntity): Promise<EvidenceDto> {
    return toEvidenceDto(row, (await this.evidence.linksOf(m, [row.id])).get(row.id) ?? [], this.clock.now());
  }
}
