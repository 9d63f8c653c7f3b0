import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { type Actor, SYSTEM_ACTOR } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import type { StreamedContent } from '../common/send-content.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { AuditPackBuilder } from './audit-pack-builder.js';
import { AuditPacksError, AuditPacksErrorCode } from './audit-packs.errors.js';
import { type AuditPackDto, type AuditPackQueryDto, type CreateAuditPackDto, toAuditPackDto } from './dto/audit-pack.dto.js';
import { ChunkSink } from './chunk-sink.js';
import { AuditPackChunksRepository } from './repositories/audit-pack-chunks.repository.js';
import { type AuditPackRow, AuditPacksRepository, type ClaimedAuditPack } from './repositories/audit-packs.repository.js';

/** ZIP bytes per stored chunk, as for evidence. */
const CHUNK_BYTES = 256 * 1024;
/** How long a claim holds without news from its worker (progress renews it at least every few seconds). */
const LEASE_MS = 60_000;
const PROGRESS_EVERY_MS = 1000;
const MAX_ATTEMPTS = 3;
/** Packs expired per transaction of the retention sweep. */
const EXPIRE_BATCH = 100;

/**
 * Audit packs: requested over the API, built by the `audit-packs` background worker (one at a time
 * per replica; replicas share the queue with SKIP LOCKED under a lease), stored as chunks in
 * PostgreSQL, downloaded once done.
 */
@Injectable()
export class AuditPacksService implements OnModuleInit, BackgroundWorker {
  readonly name = 'audit-packs';
  private readonly logger = new Logger(AuditPacksService.name);
  private readonly retentionMs: number;

  constructor(
    private readonly db: Database,
    private readonly packs: AuditPacksRepository,
    private readonly chunks: AuditPackChunksRepository,
    private readonly builder: AuditPackBuilder,
    private readonly systems: AiSystemsService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.retentionMs = config.get('auditPackRetentionDays', { infer: true }) * 86_400_000;
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  async request(dto: CreateAuditPackDto, actor: Actor): Promise<AuditPackDto> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (from > to)
      throw new AuditPacksError(AuditPacksErrorCode.InvalidScope, 'The period ends before it starts', [
        { pointer: '/to', message: `must not be before ${dto.from}` },
      ]);
    const systemIds = [...new Set(dto.systemIds ?? [])];
    const unknown = [];
    for (const [i, id] of systemIds.entries())
      if (!(await this.systems.lookup(this.db.manager, id))) unknown.push({ pointer: `/systemIds/${i}`, message: `no AI system with id ${id}` });
    if (unknown.length) throw new AuditPacksError(AuditPacksErrorCode.InvalidScope, 'The pack names AI systems that do not exist', unknown);
    const row = await this.db.transaction(async (m) => {
      const inserted = await this.packs.insert(m, { id: randomUUID(), from, to, systemIds, requestedBy: actor.subject, createdAt: this.clock.now() });
      await this.audit.append(m, actor, { action: 'audit-pack.requested', subjectType: 'audit-pack', subjectId: inserted.id, after: { from, to, systemIds } });
      return inserted;
    });
    this.workers.run('audit-packs').catch((error: unknown) => this.logger.warn(`audit-packs pass failed, will run again: ${String(error)}`));
    return toAuditPackDto(row, this.retentionMs);
  }

  async list(query: AuditPackQueryDto): Promise<Page<AuditPackDto>> {
    const [rows, total] = await this.packs.list(this.db.manager, query.status, query.limit, query.offset);
    return page(
      rows.map((row) => toAuditPackDto(row, this.retentionMs)),
      total,
      query,
    );
  }

  async get(id: string): Promise<AuditPackDto> {
    return toAuditPackDto(await this.find(id), this.retentionMs);
  }

  /** The finished ZIP, streamed from its chunks; 409 while it is pending or building (or failed), 410 once expired. */
  async content(id: string): Promise<StreamedContent> {
    const pack = await this.find(id);
    if (pack.status === 'expired')
      throw new AuditPacksError(AuditPacksErrorCode.Expired, `Audit pack ${id} expired on ${pack.expired_at!.toISOString()}: request a new one`, [], {
        packStatus: pack.status,
        expiredAt: pack.expired_at,
      });
    if (pack.status !== 'done')
      throw new AuditPacksError(AuditPacksErrorCode.NotReady, `Audit pack ${id} is ${pack.status}${pack.status === 'failed' ? `: ${pack.error}` : ''}`, [], {
        packStatus: pack.status,
        progress: toAuditPackDto(pack, this.retentionMs).progress,
      });
    const count = await this.chunks.count(this.db.manager, id);
    const chunks = this.chunks;
    const m = this.db.manager;
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/zip',
        'Content-Length': pack.size_bytes!,
        'Content-Disposition': `attachment; filename="audit-pack-${pack.period_from.toISOString().slice(0, 10)}-${pack.period_to.toISOString().slice(0, 10)}-${id.slice(0, 8)}.zip"`,
        'X-Content-Type-Options': 'nosniff',
        ETag: `"${pack.sha256}"`,
        'Cache-Control': 'private, no-cache',
      },
      stream: Readable.from(
        (async function* () {
          for (let seq = 0; seq < count; seq++) yield await chunks.read(m, id, seq);
        })(),
      ),
    };
  }

  /** The worker's pass: expires packs past their retention, then claims and builds packs one after the other until none is left. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    const stop = signal ?? new AbortController().signal;
    let finished = await this.expire(stop);
    while (!stop.aborted) {
      const claim = await this.packs.claim(this.db.manager, this.clock.now(), LEASE_MS, MAX_ATTEMPTS);
      if (!claim) break;
      if (claim.status === 'failed' || (await this.build(claim, stop))) finished++;
    }
    return finished;
  }

  /** Deletes the ZIPs of packs finished more than the retention ago (by the injected clock) and marks them expired. */
  async expire(signal?: AbortSignal): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.retentionMs);
    let expired = 0;
    for (;;) {
      const ids = await this.db.transaction(async (m) => {
        const due = await this.packs.expire(m, cutoff, now, EXPIRE_BATCH);
        await this.chunks.purge(m, due);
        for (const id of due)
          await this.audit.append(m, SYSTEM_ACTOR, { action: 'audit-pack.expired', subjectType: 'audit-pack', subjectId: id, after: { expiredAt: now } });
        return due;
      });
      expired += ids.length;
      if (ids.length < EXPIRE_BATCH || signal?.aborted) break;
    }
    await this.chunks.purgeFailed(this.db.manager, cutoff);
    return expired;
  }

  private async build(claim: ClaimedAuditPack, signal: AbortSignal): Promise<boolean> {
    const lost = new AbortController();
    const stopping = () => lost.abort();
    signal.addEventListener('abort', stopping, { once: true });
    let lastProgress = 0;
    try {
      await this.chunks.clear(this.db.manager, claim.id);
      const sink = new ChunkSink(CHUNK_BYTES, (seq, data) => this.chunks.insert(this.db.manager, claim.id, seq, data));
      const now = this.clock.now();
      const scope = { from: claim.period_from, to: claim.period_to > now ? now : claim.period_to, systemIds: claim.system_ids };
      const files = await this.builder.build(
        scope,
        sink,
        async ({ filesDone, filesTotal }) => {
          if (Date.now() - lastProgress < PROGRESS_EVERY_MS && filesDone < filesTotal && filesDone > 0) return;
          lastProgress = Date.now();
          if (!(await this.packs.progress(this.db.manager, claim, filesDone, filesTotal, sink.bytes, LEASE_MS))) lost.abort();
        },
        lost.signal,
      );
      await this.packs.complete(this.db.manager, claim, files, sink.bytes, sink.sha256, this.clock.now());
      return true;
    } catch (error) {
      if (signal.aborted) {
        await this.packs.release(this.db.manager, claim);
        return false;
      }
      if (lost.signal.aborted) return false;
      this.logger.warn(`audit pack ${claim.id} failed: ${String(error)}`);
      await this.packs.fail(this.db.manager, claim, `The build failed: ${error instanceof Error ? error.message : String(error)}`, this.clock.now());
      return true;
    } finally {
      signal.removeEventListener('abort', stopping);
    }
  }

  private async find(id: string): Promise<AuditPackRow> {
    const row = await this.packs.find(this.db.manager, id);
    if (!row) throw new AuditPacksError(AuditPacksErrorCode.NotFound, `No audit pack ${id}`);
    return row;
  }
}
