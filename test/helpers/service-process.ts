import { type ChildProcess, spawn } from 'node:child_process';
import { fromProjectRoot } from '../../src/common/paths.js';

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Sends the signal and waits for the process to exit; returns its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The built service (dist/, made by `npm test`'s pretest) as a real child process; `entry` runs
 * another built server answering GET /health the same way (the benchmarks' reference servers).
 * Port 0 (the service only) lets it bind any free port, read back from its start-up line.
 */
export async function startServiceProcess(env: Record<string, string>, port: number, timeoutMs = 90_000, entry = 'dist/src/main.js'): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [fromProjectRoot(entry)], {
    cwd: fromProjectRoot(),
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited during start-up:\n${output}`);
    // Port 0: the service binds a free port itself and names it, so no other process can take it in between.
    const bound = port === 0 ? /aimsflow listening on http:\/\/localhost:(\d+)/.exec(output) : null;
    if (bound) baseUrl = `http://127.0.0.1:${bound[1]}`;
    const healthy =
      (port !== 0 || bound !== null) &&
      (await fetch(`${baseUrl}/health`)
        .then((r) => r.ok)
        .catch(() => false));
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service was not healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    baseUrl,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}
