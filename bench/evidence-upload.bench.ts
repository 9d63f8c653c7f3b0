import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchDatabase, log } from './bench-database.js';
import { apiClient, rssMiB, startProcessService } from './process-support.js';

const MiB = 1024 * 1024;
const FILE_BYTES = 50 * MiB;
/** A file twice as large: if memory followed the file, its growth would double. */
const LARGE_BYTES = 200 * MiB;
const CHUNK_BYTES = 256 * 1024;
const ROUNDS = 3;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** POSTs the file as multipart/form-data, streamed from disk with a Content-Length (as curl -F does). */
function upload(
  baseUrl: string,
  token: string,
  file: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: { id: string; sha256: string } }> {
  const boundary = `bench-${randomUUID()}`;
  const head =
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const length = Buffer.byteLength(head) + statSync(file).size + Buffer.byteLength(tail);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/v1/evidence`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.write(head);
    createReadStream(file)
      .on('end', () => req.end(tail))
      .pipe(req, { end: false });
  });
}

/** Downloads the content and hashes it as it arrives. */
function download(baseUrl: string, token: string, id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}/api/v1/evidence/${id}/content`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        const hash = createHash('sha256');
        res.on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex')));
      })
      .on('error', reject);
  });
}

/** Reference: the same bytes read from disk and hashed (the ceiling of the upload's own work). */
async function readFromDisk(file: string): Promise<number> {
  const started = performance.now();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  hash.digest();
  return performance.now() - started;
}

/** Reference: the same bytes inserted by a bare pg client as 256 KiB bytea rows in one transaction (what the service does, without HTTP and parsing). */
async function rawInsert(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_chunks (id uuid, seq integer, data bytea, PRIMARY KEY (id, seq))');
    await client.query('ALTER TABLE bench_chunks ALTER COLUMN data SET STORAGE EXTERNAL');
    const id = randomUUID();
    const started = performance.now();
    await client.query('BEGIN');
    let seq = 0;
    let pending = Buffer.alloc(0);
    for await (const piece of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      pending = Buffer.concat([pending, piece as Buffer]);
      while (pending.length >= CHUNK_BYTES) {
        await client.query('INSERT INTO bench_chunks VALUES ($1, $2, $3)', [id, seq++, pending.subarray(0, CHUNK_BYTES)]);
        pending = pending.subarray(CHUNK_BYTES);
      }
    }
    if (pending.length) await client.query('INSERT INTO bench_chunks VALUES ($1, $2, $3)', [id, seq++, pending]);
    await client.query('COMMIT');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/**
 * Issue "Evidence": a 50 MiB upload is streamed into PostgreSQL with flat memory. Peak RSS growth
 * of the service process during the upload against the file size, and throughput against two
 * references measured in the same run: reading the file from disk, and a bare pg client inserting
 * the same 256 KiB rows.
 */
export async function evidenceUploadBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_evidence');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-bench-evidence-'));
  const file = path.join(dir, 'big.pdf');
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FILE_BYTES - 9)]));
  const large = path.join(dir, 'large.pdf');
  writeFileSync(large, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(LARGE_BYTES - 9)]));
  const service = await startProcessService(db.url, undefined, { AIMSFLOW_EVIDENCE_MAX_BYTES: String(LARGE_BYTES) });
  try {
    const api = apiClient(service.baseUrl);
    const owner = await api.token('olga', ['ai-owner']);
    const system = await api.call(owner, 'POST', '/ai-systems', { name: 'Bench', intendedPurpose: 'Evidence upload', roles: ['deployer'], attributes: {} });
    const fields = { description: 'Bench upload', systemId: system.id as string };
    const pid = service.child.pid as number;
    const sha256Of = async (f: string) => {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(f)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    };
    /** One upload with the service's RSS sampled every 10 ms; then the content downloaded and compared. */
    const measured = async (f: string, label: string) => {
      const sha256 = await sha256Of(f);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const baseline = rssMiB(pid);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 10);
      const started = performance.now();
      const res = await upload(service.baseUrl, owner, f, fields);
      const ms = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, rssMiB(pid));
      if (res.status !== 201 || res.body.sha256 !== sha256) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
      const downloadStarted = performance.now();
      if ((await download(service.baseUrl, owner, res.body.id)) !== sha256) throw new Error('downloaded content differs');
      const downloadMs = performance.now() - downloadStarted;
      log(`${label}: RSS ${baseline.toFixed(1)} → peak ${peak.toFixed(1)} MiB, upload ${ms.toFixed(0)} ms, download ${downloadMs.toFixed(0)} ms`);
      return { growth: peak - baseline, ms, downloadMs };
    };
    // The first large upload of a fresh process: V8 and the allocator grow their pools once.
    const cold = await measured(file, 'first 50 MiB upload (cold)');
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(await measured(file, `50 MiB round ${round + 1}`));
    const largest = await measured(large, `${LARGE_BYTES / MiB} MiB upload`);
    const growth = rounds.map((r) => r.growth);
    const uploadMs = rounds.map((r) => r.ms);
    const downloadMs = rounds.map((r) => r.downloadMs);
    const diskMs: number[] = [];
    const insertMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      diskMs.push(await readFromDisk(file));
      insertMs.push(await rawInsert(db.url, file));
    }
    const mbps = (ms: number) => FILE_BYTES / MiB / (ms / 1000);
    const results = {
      fileMiB: FILE_BYTES / MiB,
      coldRssGrowthMiB: Number(cold.growth.toFixed(1)),
      rssGrowthMiB: Number(median(growth).toFixed(1)),
      rssGrowthMaxMiB: Number(Math.max(...growth).toFixed(1)),
      rssGrowthToFileRatio: Number((Math.max(...growth) / (FILE_BYTES / MiB)).toFixed(3)),
      largeFileMiB: LARGE_BYTES / MiB,
      largeRssGrowthMiB: Number(largest.growth.toFixed(1)),
      largeRssGrowthToFileRatio: Number((largest.growth / (LARGE_BYTES / MiB)).toFixed(3)),
      uploadMiBps: Number(mbps(median(uploadMs)).toFixed(1)),
      downloadMiBps: Number(mbps(median(downloadMs)).toFixed(1)),
      rawInsertMiBps: Number(mbps(median(insertMs)).toFixed(1)),
      diskReadMiBps: Number(mbps(median(diskMs)).toFixed(1)),
      uploadToRawInsert: Number((median(insertMs) / median(uploadMs)).toFixed(2)),
    };
    log(
      `50 MiB upload: RSS growth ${results.rssGrowthMiB} MiB (max ${results.rssGrowthMaxMiB}, ratio to file ${results.rssGrowthToFileRatio}; cold ${results.coldRssGrowthMiB}); ` +
        `${results.largeFileMiB} MiB: ${results.largeRssGrowthMiB} MiB (ratio ${results.largeRssGrowthToFileRatio}); ` +
        `upload ${results.uploadMiBps} MiB/s, download ${results.downloadMiBps} MiB/s; raw pg insert ${results.rawInsertMiBps} MiB/s, disk read ${results.diskReadMiBps} MiB/s`,
    );
    return results;
  } finally {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  }
}
