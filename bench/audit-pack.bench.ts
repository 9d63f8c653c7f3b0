import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fromProjectRoot } from '../src/common/paths.js';
import { benchDatabase, log } from './bench-database.js';
import { apiClient, closedLoop, combined, keepAliveDriver, type LoadResult, rssMiB, startProcessService } from './process-support.js';

const SYSTEMS = 1000;
const EVIDENCE = 5000;
/** A third pack after this many more files: memory that streams does not grow with the pack. */
const MORE_EVIDENCE = 15000;
/** Bytes per evidence file (small files: the pack's cost is per file, not per byte). */
const FILE_BYTES = 2048;
const CLIENTS = 4;
const IDLE_SECONDS = 6;

/** 1,000 systems, written with SQL. */
async function seedSystems(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO ai_systems (name, intended_purpose, roles, third_party, attributes, created_by, version, risk_class)
       SELECT 'bench system ' || n, 'bench', '{deployer}', false, '{"useCases": ["spam-filtering"]}', 'bench', 1, 'minimal' FROM generate_series(1, $1) n`,
      [SYSTEMS],
    );
  } finally {
    await client.end();
  }
}

/** `count` more evidence items (one 2 KiB chunk each, linked to a system), written with SQL. */
async function seedEvidence(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE bench_evidence AS
       SELECT gen_random_uuid() AS id, i, decode(repeat(md5(i::text), $2 / 16), 'hex') AS data FROM generate_series(1, $1) i`,
      [count, FILE_BYTES],
    );
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO evidence (id, file_name, content_type, size_bytes, sha256, chunk_bytes, description, collected_by, uploaded_by, created_at)
       SELECT id, 'evidence-' || i || '.txt', 'text/plain', length(data), encode(sha256(data), 'hex'), 262144, 'bench evidence', 'bench', 'bench', now() - interval '1 day'
         FROM bench_evidence`,
    );
    await client.query(`INSERT INTO evidence_chunks (evidence_id, seq, data) SELECT id, 0, data FROM bench_evidence`);
    await client.query(
      `INSERT INTO evidence_links (evidence_id, kind, target_id)
       SELECT e.id, 'ai-system', s.id::text FROM bench_evidence e
         JOIN (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM ai_systems) s ON s.rn = 1 + (e.i % $1)`,
      [SYSTEMS],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Downloads the pack and hashes it as it arrives. */
function download(baseUrl: string, token: string, id: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}/api/v1/audit-packs/${id}/content`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        const hash = createHash('sha256');
        let bytes = 0;
        res
          .on('data', (chunk: Buffer) => {
            hash.update(chunk);
            bytes += chunk.length;
          })
          .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
      })
      .on('error', reject);
  });
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/**
 * BENCH_LIVE_HEAP=true: the service collects garbage every 250 ms and reports the heap still in use
 * (bench/live-heap.ts; it slows the build, so wall times of such a run are not comparable);
 * BENCH_MAX_OLD_SPACE_MIB caps V8's old space: a pack that retained memory per file would fail.
 */
function liveHeapOptions(): { env: Record<string, string>; liveHeapMiB: () => number } {
  const options: string[] = [];
  let file = '';
  if (process.env.BENCH_LIVE_HEAP === 'true') {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'aimsflow-bench-heap-')), 'heap');
    options.push('--expose-gc', `--import=${fromProjectRoot('dist/bench/live-heap.js')}`);
  }
  if (process.env.BENCH_MAX_OLD_SPACE_MIB) options.push(`--max-old-space-size=${process.env.BENCH_MAX_OLD_SPACE_MIB}`);
  return {
    env: options.length ? { NODE_OPTIONS: options.join(' '), ...(file ? { AIMSFLOW_BENCH_LIVE_HEAP_FILE: file } : {}) } : {},
    liveHeapMiB: () => (file && existsSync(file) ? Number(readFileSync(file, 'utf8')) / 1024 / 1024 : Number.NaN),
  };
}

/**
 * Issue "Evidence and documents for auditors": an audit pack over 1,000 systems and 5,000 evidence
 * files, built by the service (its own process) while 4 clients read `GET /ai-systems`. Wall time,
 * the service's RSS (sampled every 50 ms) and the API p99 during the build against idle.
 */
export async function auditPackBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_audit_pack');
  const heap = liveHeapOptions();
  const service = await startProcessService(db.url, undefined, {
    AIMSFLOW_AUDIT_PACK_POLL_INTERVAL_MS: '0',
    AIMSFLOW_AUDIT_SEAL_INTERVAL_MS: '1000',
    ...heap.env,
  });
  try {
    await seedSystems(db.url);
    await seedEvidence(db.url, EVIDENCE);
    const api = apiClient(service.baseUrl);
    const auditor = await api.token('audrey', ['auditor']);
    const reader = await api.token('rita', ['risk-officer']);
    const driver = keepAliveDriver(service.baseUrl, CLIENTS);
    const read = () => driver.get('/api/v1/ai-systems?limit=20', reader);
    await closedLoop(CLIENTS, 2, read); // warm-up
    const idle = await closedLoop(CLIENTS, IDLE_SECONDS, read);
    const pid = service.child.pid!;
    /** Builds one pack under load; RSS sampled every 50 ms from the request to the end. */
    const buildOnce = async () => {
      const rssBefore = rssMiB(pid);
      const liveBefore = heap.liveHeapMiB();
      let rssPeak = rssBefore;
      let livePeak = liveBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, rssMiB(pid));
        livePeak = Math.max(livePeak, heap.liveHeapMiB());
      }, 50);
      const started = performance.now();
      const pack = (await api.call(auditor, 'POST', '/audit-packs', { from: '2020-01-01', to: '2100-01-01' })) as { id: string };
      const during: LoadResult[] = [];
      let status: { status: string; progress: { filesTotal: number }; sizeBytes: number; sha256: string; error: string | null };
      for (;;) {
        during.push(await closedLoop(CLIENTS, 1, read));
        status = (await api.call(auditor, 'GET', `/audit-packs/${pack.id}`)) as typeof status;
        if (status.status === 'done' || status.status === 'failed') break;
      }
      const wallSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (status.status !== 'done') throw new Error(`the pack did not finish: ${status.error}`);
      const fetched = await download(service.baseUrl, auditor, pack.id);
      if (fetched.sha256 !== status.sha256) throw new Error('the downloaded pack does not match its SHA-256');
      return { status, wallSeconds, rssBefore, rssPeak, liveBefore, livePeak, loaded: combined(during) };
    };
    // The first pack of a process grows its pools once (as a first upload does); the second shows what a pack keeps.
    const first = await buildOnce();
    const second = await buildOnce();
    // Four times the files: if the build streams, its memory does not follow.
    await seedEvidence(db.url, MORE_EVIDENCE);
    const larger = await buildOnce();
    const result = {
      systems: SYSTEMS,
      evidenceFiles: EVIDENCE,
      files: second.status.progress.filesTotal,
      packMiB: round(second.status.sizeBytes / 1024 / 1024, 2),
      wallSecondsFirst: round(first.wallSeconds, 2),
      wallSecondsSecond: round(second.wallSeconds, 2),
      filesPerSecond: Math.round(second.status.progress.filesTotal / second.wallSeconds),
      rssBeforeMiB: round(first.rssBefore),
      rssGrowthFirstMiB: round(first.rssPeak - first.rssBefore),
      rssGrowthSecondMiB: round(second.rssPeak - second.rssBefore),
      rssPeakMiB: round(Math.max(first.rssPeak, second.rssPeak)),
      largerFiles: larger.status.progress.filesTotal,
      largerPackMiB: round(larger.status.sizeBytes / 1024 / 1024, 2),
      largerWallSeconds: round(larger.wallSeconds, 2),
      rssGrowthLargerMiB: round(larger.rssPeak - larger.rssBefore),
      rssPeakLargerMiB: round(larger.rssPeak),
      rssGrowthRatioLargerToSecond: round((larger.rssPeak - larger.rssBefore) / (second.rssPeak - second.rssBefore), 2),
      liveHeapBeforeMiB: round(first.liveBefore),
      liveHeapGrowthSecondMiB: round(second.livePeak - second.liveBefore),
      liveHeapPeakSecondMiB: round(second.livePeak),
      liveHeapGrowthLargerMiB: round(larger.livePeak - larger.liveBefore),
      liveHeapPeakLargerMiB: round(larger.livePeak),
      liveHeapGrowthRatioLargerToSecond: round((larger.livePeak - larger.liveBefore) / (second.livePeak - second.liveBefore), 2),
      maxOldSpaceMiB: Number(process.env.BENCH_MAX_OLD_SPACE_MIB ?? Number.NaN),
      idleP99Ms: round(idle.p99),
      duringP99Ms: round(combined([first.loaded, second.loaded]).p99),
      p99Ratio: round(combined([first.loaded, second.loaded]).p99 / idle.p99, 2),
      idlePerSecond: Math.round(idle.perSecond),
      duringPerSecond: Math.round(combined([first.loaded, second.loaded]).perSecond),
    };
    log(`audit pack: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await service.stop();
    await db.close();
  }
}
