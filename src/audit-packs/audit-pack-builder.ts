import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
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

const PAGE = 500;

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
    const items = await this.evidence.uploadedBetween(scope.from, scope.to, scope.systemIds);
    const files = [...(await this.documentFiles(scope)), ...this.evidenceFiles(items), ...this.recordFiles(scope, items)];
    const total = files.length + 1;
    const zip = new ZipArchive({ zlib: { level: 6 } });
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      zip.on('error', reject);
    });
    zip.pipe(out);
    const manifest: ManifestEntry[] = [];
    const slices = new TimeSlices();
    await onProgress({ filesDone: 0, filesTotal: total });
    for (const file of files) {
      if (signal.aborted) {
        zip.abort();
        throw new Error('stopped');
      }
      manifest.push(await this.add(zip, file.path, await file.open(), file.store));
      await onProgress({ filesDone: manifest.length, filesTotal: total });
      await slices.yieldIfDue();
    }
    await this.add(zip, 'manifest.json', Readable.from([JSON.stringify({ scope, files: manifest }, null, 2)]));
    await zip.finalize();
    await finished;
    return total;
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

  /** The evidence files, opened in order from one reader that fetches their chunks in batches (files are added one at a time). */
  private evidenceFiles(items: PackedEvidence[]): PackFile[] {
    const contents = this.evidence.contentStreams(items.map((item) => item.id));
    return items.map((item) => ({
      path: evidencePath(item),
      open: async () => {
        const next = await contents.next();
        if (next.done || next.value.id !== item.id) throw new Error(`evidence ${item.id} was not the next content read`);
        return next.value.content;
      },
      store: true,
    }));
  }

  private recordFiles(scope: PackScope, items: PackedEvidence[]): PackFile[] {
    const index = items.map((e) => ({
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
    }));
    const csv = () =>
      [
        EVIDENCE_CSV_COLUMNS.join(','),
        ...index.map((e) =>
          [
            e.id,
            e.path,
            e.fileName,
            e.sha256,
            e.sizeBytes,
            e.description,
            e.links.map((l) => `${l.kind}:${l.id}`).join('; '),
            e.uploadedBy,
            e.uploadedAt.toISOString(),
            e.validUntil?.toISOString() ?? '',
            e.supersededBy ?? '',
          ]
            .map(csvCell)
            .join(','),
        ),
      ].join('\r\n') + '\r\n';
    return [
      { path: 'evidence-index.csv', open: async () => Readable.from([csv()]) },
      { path: 'evidence-index.json', open: async () => Readable.from([JSON.stringify(index, null, 2)]) },
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
