import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Transform, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { AuditsService } from '../audits/audits.service.js';
import { csvCell } from '../common/csv-cell.js';
import { EvidenceRegister, type PackedEvidence } from '../common/evidence-register.js';
import { TimeSlices } from '../common/time-slices.js';
import type { DocumentKind } from '../documents/document-kinds.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { DocumentQueryDto } from '../documents/dto/document-query.dto.js';
import { ImpactAssessmentsService } from '../impact-assessments/impact-assessments.service.js';
import { DecisionsService } from '../rules/decisions.service.js';
import { SpoolFile } from './spool-file.js';

const PAGE = 500;
/** Evidence items listed (and their content read ahead) per page: one page is held at a time. */
const EVIDENCE_PAGE = 1000;
/** The files after the evidence: the index as CSV and JSON, decisions, audit trail events and their verification. */
const RECORD_FILES = 5;

export interface PackScope {
  from: Date;
  to: Date;
  systemIds: string[];
}

export interface PackProgress {
  filesDone: number;
  filesTotal: number;
}

/** One file of the pack: its path in the ZIP and how to produce its bytes (called when its turn comes). */
interface PackFile {
  path: string;
  open: () => Promise<Readable>;
  /** Stored without deflating: evidence is mostly compressed already (PDF, images, office files), and a deflate stream per file costs more than it saves. */
  store?: boolean;
}

/** What `manifest.json` says of each file. */
interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/** JSON array text of the items an async source yields, streamed (never the whole array in memory). */
function jsonArray<T>(items: AsyncIterable<T>): Readable {
  return Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const item of items) {
        yield (first ? '\n' : ',\n') + JSON.stringify(item);
        first = false;
      }
      yield '\n]\n';
    })(),
  );
}

/** One stream of the given texts and of the streams opened in turn between them. */
function concat(...parts: Array<string | (() => Promise<Readable>)>): Readable {
  return Readable.from(
    (async function* () {
      for (const part of parts) {
        if (typeof part === 'string') yield part;
        else yield* await part();
      }
    })(),
  );
}

const EVIDENCE_CSV_COLUMNS = [
  'id',
  'path',
  'fileName',
  'sha256',
  'sizeBytes',
  'description',
  'links',
  'uploadedBy',
  'uploadedAt',
  'validUntil',
  'supersededBy',
];

/**
 * Writes an audit pack as a ZIP, file after file (one in flight at a time: the documents are
 * rendered and the evidence read from its chunks only when their turn comes), yielding to the event
 * loop between files. Reads every register through its owner's service.
 */
@Injectable()
export class AuditPackBuilder {
  constructor(
    private readonly documents: DocumentsService,
    private readonly evidence: EvidenceRegister,
    private readonly decisions: DecisionsService,
    private readonly audit: AuditTrailService,
    private readonly audits: AuditsService,
    private readonly assessments: ImpactAssessmentsService,
  ) {}

  async build(scope: PackScope, out: Writable, onProgress: (progress: PackProgress) => Promise<void>, signal: AbortSignal): Promise<number> {
    const documents = await this.documentFiles(scope);
    const evidenceCount = await this.evidence.countUploadedBetween(scope.from, scope.to, scope.systemIds);
    // What the pack lists per file (manifest, evidence index) goes to temporary files, so memory does not follow the pack's size.
    const dir = await mkdtemp(path.join(tmpdir(), 'aimsflow-audit-pack-'));
    const spooled: SpoolFile[] = [];
    const spool = async (name: string) => {
      const file = await SpoolFile.create(path.join(dir, name));
      spooled.push(file);
      return file;
    };
    try {
      const manifest = await spool('manifest');
      const index = new EvidenceIndex(await spool('index.csv'), await spool('index.json'));
      await index.start();
      let total = documents.length + evidenceCount + RECORD_FILES + 1;
      const zip = new ZipArchive({ zlib: { level: 6 } });
      const finished = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
        zip.on('error', reject);
      });
      zip.pipe(out);
      let done = 0;
      const slices = new TimeSlices();
      await onProgress({ filesDone: 0, filesTotal: total });
      for await (const file of this.files(scope, documents, index)) {
        if (signal.aborted) {
          zip.abort();
          throw new Error('stopped');
        }
        const entry = await this.add(zip, file.path, await file.open(), file.store);
        await manifest.append((done++ ? ',\n' : '\n') + JSON.stringify(entry));
        // Evidence uploaded while the count was taken may add to the total.
        total = Math.max(total, done + 1);
        await onProgress({ filesDone: done, filesTotal: total });
        await slices.yieldIfDue();
      }
      await this.add(
        zip,
        'manifest.json',
        concat(`{\n"scope": ${JSON.stringify(scope)},\n"files": [`, () => manifest.read(), '\n]\n}\n'),
      );
      await zip.finalize();
      await finished;
      return done + 1;
    } finally {
      await Promise.all(spooled.map((file) => file.close()));
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The pack's files in order: documents, evidence (listed a page at a time and recorded in the index as they come), then the records. */
  private async *files(scope: PackScope, documents: PackFile[], index: EvidenceIndex): AsyncGenerator<PackFile> {
    yield* documents;
    for (let afterId: string | null = null; ;) {
      const page = await this.evidence.uploadedBetween(scope.from, scope.to, scope.systemIds, afterId, EVIDENCE_PAGE);
      const contents = this.evidence.contentStreams(page.map((item) => item.id));
      for (const item of page) {
        await index.add(item);
        yield {
          path: evidencePath(item),
          open: async () => {
            const next = await contents.next();
            if (next.done || next.value.id !== item.id) throw new Error(`evidence ${item.id} was not the next content read`);
            return next.value.content;
          },
          store: true,
        };
      }
      await contents.return(undefined);
      if (page.length < EVIDENCE_PAGE) break;
      afterId = page[page.length - 1].id;
    }
    yield* this.recordFiles(scope, index);
  }

  /** Appends one entry and resolves once the archive has written it, with the entry's SHA-256 and size. */
  private add(zip: ZipArchive, path: string, source: Readable, store = false): Promise<ManifestEntry> {
    const hash = createHash('sha256');
    let bytes = 0;
    // Hashes what passes without reading ahead of the archive (a 'data' listener would).
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    source.on('error', (error) => tap.destroy(error));
    source.pipe(tap);
    return new Promise((resolve, reject) => {
      const onEntry = (entry: { name: string }) => {
        if (entry.name !== path) return;
        zip.off('entry', onEntry);
        resolve({ path, sha256: hash.digest('hex'), bytes });
      };
      zip.on('entry', onEntry);
      tap.on('error', reject);
      zip.append(tap, { name: path, store });
    });
  }

  private document(path: string, kind: DocumentKind, query: DocumentQueryDto): PackFile {
    return {
      path,
      open: async () => {
        const stream = new PassThrough();
        this.documents.write(kind, query, stream).catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
        return stream;
      },
    };
  }

  private async documentFiles(scope: PackScope): Promise<PackFile[]> {
    const system = scope.systemIds.length === 1 ? { systemId: scope.systemIds[0] } : {};
    const files = [
      this.document('documents/statement-of-applicability.pdf', 'statement-of-applicability', { format: 'pdf' }),
      this.document('documents/statement-of-applicability.xlsx', 'statement-of-applicability', { format: 'xlsx' }),
      this.document('documents/risk-register.xlsx', 'risk-register', { format: 'xlsx', ...system }),
      this.document('documents/risk-register.pdf', 'risk-register', { format: 'pdf', ...system }),
      this.document('documents/nonconformities.pdf', 'nonconformities', { format: 'pdf', ...system }),
      this.document('documents/management-review-input.pdf', 'management-review', { format: 'pdf' }),
    ];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.audits.list({ limit: PAGE, offset });
      for (const audit of page.items)
        files.push(this.document(`documents/audits/audit-report-${audit.id}.pdf`, 'audit-report', { format: 'pdf', auditId: audit.id }));
      if (page.items.length < PAGE) break;
    }
    const inScope = new Set(scope.systemIds);
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.assessments.list({ limit: PAGE, offset });
      for (const a of page.items) {
        if (inScope.size && !inScope.has(a.systemId)) continue;
        files.push(
          this.document(`documents/impact-assessments/impact-assessment-${a.systemId}-v${a.version}.pdf`, 'impact-assessment', {
            format: 'pdf',
            impactAssessmentId: a.id,
          }),
        );
      }
      if (page.items.length < PAGE) break;
    }
    return files;
  }

  private recordFiles(scope: PackScope, index: EvidenceIndex): PackFile[] {
    return [
      { path: 'evidence-index.csv', open: () => index.csv() },
      { path: 'evidence-index.json', open: async () => index.json() },
      { path: 'decisions.json', open: async () => jsonArray(this.decisionsIn(scope)) },
      { path: 'audit-trail/events.json', open: async () => jsonArray(this.eventsIn(scope)) },
      {
        path: 'audit-trail/verification.json',
        open: async () => Readable.from([JSON.stringify({ verification: await this.audit.verify(), head: await this.audit.head() }, null, 2)]),
      },
    ];
  }

  private async *decisionsIn(scope: PackScope) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.decisions.takenBetween(scope.from, scope.to, scope.systemIds, PAGE, offset);
      yield* page;
      if (page.length < PAGE) return;
    }
  }

  private async *eventsIn(scope: PackScope) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.audit.list({ from: scope.from.toISOString(), to: scope.to.toISOString(), limit: PAGE, offset });
      yield* page.items;
      if (page.items.length < PAGE) return;
    }
  }
}

function evidencePath(item: PackedEvidence): string {
  return `evidence/${item.id}/${item.fileName}`;
}

/** The evidence index (CSV and JSON), one entry appended per evidence file as it is packed. */
class EvidenceIndex {
  private entries = 0;

  constructor(
    private readonly csvFile: SpoolFile,
    private readonly jsonFile: SpoolFile,
  ) {}

  start(): Promise<void> {
    return this.csvFile.append(EVIDENCE_CSV_COLUMNS.join(',') + '\r\n');
  }

  async add(e: PackedEvidence): Promise<void> {
    const entry = {
      id: e.id,
      path: evidencePath(e),
      fileName: e.fileName,
      sha256: e.sha256,
      sizeBytes: e.sizeBytes,
      description: e.description,
      links: e.links,
      uploadedBy: e.uploadedBy,
      uploadedAt: e.createdAt,
      validUntil: e.validUntil,
      supersededBy: e.supersededBy,
    };
    const row = [
      entry.id,
      entry.path,
      entry.fileName,
      entry.sha256,
      entry.sizeBytes,
      entry.description,
      entry.links.map((l) => `${l.kind}:${l.id}`).join('; '),
      entry.uploadedBy,
      entry.uploadedAt.toISOString(),
      entry.validUntil?.toISOString() ?? '',
      entry.supersededBy ?? '',
    ];
    await this.csvFile.append(row.map(csvCell).join(',') + '\r\n');
    await this.jsonFile.append((this.entries++ ? ',\n' : '\n') + JSON.stringify(entry));
  }

  csv(): Promise<Readable> {
    return this.csvFile.read();
  }

  json(): Readable {
    return concat('[', () => this.jsonFile.read(), '\n]\n');
  }
}
