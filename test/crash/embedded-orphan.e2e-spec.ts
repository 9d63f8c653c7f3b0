import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/free-port.js';
import { startServiceProcess } from '../helpers/service-process.js';

const ADMIN = 'orphan-test-admin-token-0123456789abcdefgh';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline;) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

/**
 * The embedded PostgreSQL outlives a service killed with SIGKILL. The restarted service adopts it
 * (same data) and, on its own clean stop, stops it too: nothing keeps running behind the operator's back.
 */
describe('the embedded database after a crash', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aimsflow-orphan-'));
  chmodSync(dir, 0o755); // run as root, PostgreSQL runs as "postgres" and must enter it
  let postmaster: number | undefined;

  afterAll(() => {
    if (postmaster !== undefined && alive(postmaster)) process.kill(postmaster, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is adopted by the restarted service and stopped with it', async () => {
    const env = { AIMSFLOW_DATA_DIR: dir, AIMSFLOW_EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '', AIMSFLOW_ADMIN_TOKEN: ADMIN };
    const first = await startServiceProcess(env, 0);
    postmaster = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const created = await fetch(`${first.baseUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'survivor', roles: ['auditor'] }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    await first.stop('SIGKILL');
    expect(alive(postmaster)).toBe(true); // orphaned

    const second = await startServiceProcess(env, 0);
    // The same cluster, with what the first service stored.
    expect(Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0])).toBe(postmaster);
    expect((await fetch(`${second.baseUrl}/api/v1/ai-systems`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(await gone(postmaster, 20_000)).toBe(true);
  });
});
