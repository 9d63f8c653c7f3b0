import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../src/common/paths.js';
import { freePort } from '../test/helpers/free-port.js';
import { log } from './bench-database.js';

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('the service exited during start-up');
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/** npm start runs the service through a shell: find the node process among the descendants. */
function findDescendant(pid: number, commandPart: string): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  for (const child of children) {
    const [executable, ...args] = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
    if (executable.endsWith('node') && args.some((arg) => arg.includes(commandPart))) return child;
    const found = findDescendant(child, commandPart);
    if (found) return found;
  }
  return 0;
}

/** `npm start` to a healthy /health; the service process's pid for RSS readings. */
async function timedStart(env: Record<string, string>): Promise<{ ms: number; stop: () => Promise<void>; servicePid: () => number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: fromProjectRoot(),
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    stdio: 'ignore',
    detached: true,
  });
  await waitHealthy(`http://127.0.0.1:${port}/health`, child);
  const ms = performance.now() - started;
  return {
    ms,
    servicePid: () => findDescendant(child.pid!, 'dist/src/main.js'),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}

/** Issue 2: time from `npm start` to healthy, cold (initdb) and warm; idle RSS of the service. */
export async function startupBench(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-bench-start-'));
  chmodSync(dataDir, 0o755);
  const env = { AIMSFLOW_DATA_DIR: dataDir, DATABASE_URL: '', AIMSFLOW_EMBEDDED_PG_PORT: String(await freePort()) };
  try {
    const cold = await timedStart(env);
    log(`cold start (initdb, migrations): ${cold.ms.toFixed(0)} ms`);
    await cold.stop();
    const warmRuns: number[] = [];
    let idleRss = 0;
    for (let i = 0; i < 3; i++) {
      const warm = await timedStart(env);
      warmRuns.push(warm.ms);
      if (i === 2) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        idleRss = rssMiB(warm.servicePid());
      }
      await warm.stop();
    }
    const warmMs = warmRuns.sort((a, b) => a - b)[1];
    log(`warm start (median of 3): ${warmMs.toFixed(0)} ms; idle RSS of the service: ${idleRss.toFixed(1)} MiB`);
    return { coldStartMs: Math.round(cold.ms), warmStartMs: Math.round(warmMs), idleRssMiB: Number(idleRss.toFixed(1)) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
