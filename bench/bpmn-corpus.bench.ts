import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Engine } from 'bpmn-engine';
import { fromProjectRoot } from '../src/common/paths.js';
import { benchDatabase, log } from './bench-database.js';
import { BENCH_ADMIN, startProcessService } from './process-support.js';

export const CORPUS_DIR = 'test/fixtures/bpmn/corpus';
const RESULTS_FILE = `${CORPUS_DIR}/results.json`;
/** How long the peer may take to start a file before it counts as not run. */
const PEER_TIMEOUT_MS = 2_000;
/** Time the peer gets after starting to fail asynchronously (an activity erroring right after start). */
const PEER_SETTLE_MS = 50;

export const PEER_RUN_DEFINITION =
  'bpmn-engine runs a file when `new Engine({ source }).execute()` resolves within 2 s and the engine emits no `error` ' +
  'in that time or in the 50 ms after: the process started and then waits (user task, timer, message, signal), ' +
  'runs on or ended. Nothing is configured: no services, no scripts, no extension modules, as in its own README.';

export interface CorpusFileResult {
  /** Did bpmn-engine run it (see PEER_RUN_DEFINITION)? */
  peerRan: boolean;
  /** Why it did not, the peer's own words. */
  peerError?: string;
  /** HTTP status of POST /api/v1/process-definitions. */
  status: number;
  /** First refusal of a 4xx: the element it names and the message. */
  elementId?: string;
  reason?: string;
  /**
   * Refused by design: one of its refusals is a JavaScript or JUEL expression or script (`${environment…}` included),
   * which aimsflow never runs (FEEL only, the FEEL form suggested). Such files are left out of the comparable subset.
   */
  refusedByDesign?: true;
}

export interface CorpusResults {
  peer: string;
  peerRunDefinition: string;
  files: number;
  /** Files the peer runs: the floor the corpus test holds aimsflow's deploy count to. */
  peerRuns: number;
  deployed: number;
  refused: number;
  serverErrors: number;
  /** The files not refused by design, what the peer runs of them and what aimsflow deploys of them. */
  comparable: { files: number; peerRuns: number; deployed: number };
  results: Record<string, CorpusFileResult>;
}

/** Refusals that are aimsflow's design, not a gap: JavaScript and JUEL (FEEL is the one expression language). */
const BY_DESIGN = [
  /is a JUEL expression/,
  /\(JUEL\)/,
  /other JUEL expressions/,
  /condition language "(javascript|js)"/i,
  /^a (javascript|js) script is not supported/i,
  /\$\{environment/,
];

/** Whether refusal messages include one by design (see BY_DESIGN). */
export function refusedByDesign(messages: string[]): boolean {
  return messages.some((m) => BY_DESIGN.some((pattern) => pattern.test(m)));
}

/** The figures on the files not refused by design. */
export function comparableFigures(results: Record<string, Pick<CorpusFileResult, 'peerRan' | 'status' | 'refusedByDesign'>>): CorpusResults['comparable'] {
  const comparable = Object.values(results).filter((r) => !r.refusedByDesign);
  return { files: comparable.length, peerRuns: comparable.filter((r) => r.peerRan).length, deployed: comparable.filter((r) => r.status < 300).length };
}

/** The corpus files, relative to the corpus folder, in a stable order. */
export function corpusFiles(): string[] {
  return (readdirSync(fromProjectRoot(CORPUS_DIR), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.bpmn'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

export function readCorpusFile(file: string): string {
  return readFileSync(fromProjectRoot(CORPUS_DIR, file), 'utf8');
}

/** One file on bpmn-engine, stopped afterwards (its timers and waits are not needed). */
async function peerRun(name: string, source: string): Promise<{ ran: boolean; error?: string }> {
  const engine = new Engine({ name, source });
  let error: unknown;
  engine.on('error', (e: unknown) => (error ??= e));
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    engine.execute({ listener: new EventEmitter() }).then(
      () => 'started',
      (e: unknown) => {
        error ??= e;
        return 'threw';
      },
    ),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), PEER_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, PEER_SETTLE_MS));
  // stop() settles only once the engine was running; its return is not needed.
  void Promise.resolve(engine.stop()).catch(() => undefined);
  if (outcome === 'started' && error === undefined) return { ran: true };
  const message = error instanceof Error ? error.message : error === undefined ? `no start within ${PEER_TIMEOUT_MS} ms` : String(error);
  return { ran: false, error: message.split('\n')[0].slice(0, 200) };
}

interface ProblemBody {
  errors?: Array<{ elementId?: string; pointer?: string; message?: string }>;
  detail?: string;
}

/** POST every corpus file to a running aimsflow; the status and the first refusal of each. */
export async function deployCorpus(
  baseUrl: string,
  token: string,
  files = corpusFiles(),
): Promise<Map<string, Omit<CorpusFileResult, 'peerRan' | 'peerError'>>> {
  const out = new Map<string, Omit<CorpusFileResult, 'peerRan' | 'peerError'>>();
  for (const file of files) {
    const res = await fetch(`${baseUrl}/api/v1/process-definitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: readCorpusFile(file),
    });
    const text = await res.text();
    if (res.status < 400) {
      out.set(file, { status: res.status });
      continue;
    }
    let body: ProblemBody = {};
    try {
      body = JSON.parse(text) as ProblemBody;
    } catch {
      // a non-JSON error body is recorded by its status alone
    }
    const first = body.errors?.[0];
    const messages = [...(body.errors ?? []).map((e) => e.message ?? ''), body.detail ?? ''];
    out.set(file, {
      status: res.status,
      ...(first?.elementId ? { elementId: first.elementId } : {}),
      reason: first?.message ?? body.detail ?? text.slice(0, 200),
      ...(res.status < 500 && refusedByDesign(messages) ? { refusedByDesign: true as const } : {}),
    });
  }
  return out;
}

/** A refusal's kind: the message without the names, values and ids particular to one file. */
export function reasonKind(reason: string): string {
  return reason
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/\b[A-Z][A-Za-z]*_[A-Za-z0-9_]+\b/g, '…')
    .replace(/\d+/g, 'n');
}

/** Refusal kinds by count, most frequent first. */
export function topReasons(results: Record<string, CorpusFileResult>): Array<{ reason: string; files: number }> {
  const counts = new Map<string, number>();
  for (const r of Object.values(results))
    if (r.reason && r.status >= 400 && r.status < 500) counts.set(reasonKind(r.reason), (counts.get(reasonKind(r.reason)) ?? 0) + 1);
  return [...counts.entries()].map(([reason, files]) => ({ reason, files })).sort((a, b) => b.files - a.files || a.reason.localeCompare(b.reason));
}

function peerVersion(): string {
  const manifest = JSON.parse(readFileSync(fromProjectRoot('node_modules/bpmn-engine/package.json'), 'utf8')) as { version: string };
  return `bpmn-engine ${manifest.version}`;
}

/**
 * Issue 14, breadth: every corpus file on bpmn-engine (does the peer run it?) and deployed to aimsflow
 * over HTTP on its own database; writes the corpus's results.json and prints the figures.
 */
export async function bpmnCorpusBench(): Promise<Record<string, number>> {
  const files = corpusFiles();
  const peer = new Map<string, { ran: boolean; error?: string }>();
  for (const file of files) peer.set(file, await peerRun(file, readCorpusFile(file)));

  const db = await benchDatabase('bench_bpmn_corpus');
  const service = await startProcessService(db.url);
  let deployed: Awaited<ReturnType<typeof deployCorpus>>;
  try {
    deployed = await deployCorpus(service.baseUrl, BENCH_ADMIN, files);
  } finally {
    await service.stop();
    await db.close();
  }

  const results: Record<string, CorpusFileResult> = {};
  for (const file of files) {
    const p = peer.get(file)!;
    results[file] = { peerRan: p.ran, ...(p.error ? { peerError: p.error } : {}), ...deployed.get(file)! };
  }
  const all = Object.values(results);
  const summary: CorpusResults = {
    peer: peerVersion(),
    peerRunDefinition: PEER_RUN_DEFINITION,
    files: files.length,
    peerRuns: all.filter((r) => r.peerRan).length,
    deployed: all.filter((r) => r.status < 300).length,
    refused: all.filter((r) => r.status >= 400 && r.status < 500).length,
    serverErrors: all.filter((r) => r.status >= 500).length,
    comparable: comparableFigures(results),
    results,
  };
  writeFileSync(fromProjectRoot(RESULTS_FILE), JSON.stringify(summary, null, 2) + '\n');
  log(
    `BPMN corpus: ${summary.files} files; ${summary.peer} runs ${summary.peerRuns}; aimsflow deploys ${summary.deployed}, refuses ${summary.refused}, 5xx ${summary.serverErrors}`,
  );
  const c = summary.comparable;
  log(
    `  without the ${summary.files - c.files} files refused by design (JavaScript, JUEL): ${c.files} files; the peer runs ${c.peerRuns}, aimsflow deploys ${c.deployed}`,
  );
  for (const { reason, files: n } of topReasons(results)) log(`  ${n} × ${reason}`);
  log(`per-file results written to ${RESULTS_FILE}`);
  return {
    files: summary.files,
    peerRuns: summary.peerRuns,
    deployed: summary.deployed,
    refused: summary.refused,
    serverErrors: summary.serverErrors,
    comparableFiles: summary.comparable.files,
    comparablePeerRuns: summary.comparable.peerRuns,
    comparableDeployed: summary.comparable.deployed,
    deployedPerPeerRun: summary.peerRuns ? Math.round((summary.deployed / summary.peerRuns) * 100) / 100 : 0,
  };
}
