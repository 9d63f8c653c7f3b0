import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromProjectRoot } from '../../src/common/paths.js';
import { startServiceProcess } from '../helpers/service-process.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { freePort } from '../helpers/free-port.js';

const run = promisify(execFile);

describe('the service as a process', () => {
  it('keeps its data across a restart on the embedded database, and stops cleanly on SIGTERM and SIGINT', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-restart-'));
    chmodSync(dataDir, 0o755);
    const env = {
      DATABASE_URL: '',
      AIMSFLOW_DATA_DIR: dataDir,
      AIMSFLOW_EMBEDDED_PG_PORT: String(await freePort()),
      AIMSFLOW_ADMIN_TOKEN: 'restart-test-admin-token-0123456789abcdef',
    };
    const headers = { Authorization: `Bearer ${env.AIMSFLOW_ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    try {
      const first = await startServiceProcess(env, 0);
      const created = await fetch(`${first.baseUrl}/api/v1/ai-systems`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Survives restarts', intendedPurpose: 'Persistence check', roles: ['developer'] }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect(await first.stop('SIGTERM')).toBe(0);

      const second = await startServiceProcess(env, 0);
      const read = await fetch(`${second.baseUrl}/api/v1/ai-systems/${id}`, { headers });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { name: string }).name).toBe('Survives restarts');
      expect(await second.stop('SIGINT')).toBe(0);
      // The embedded PostgreSQL shut down cleanly with the service (it removes its pid file).
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  describe('CLI', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('token:create prints a token that works against the same database', async () => {
      const { stdout } = await run(
        process.execPath,
        [fromProjectRoot('dist/src/cli.js'), 'token:create', '--subject', 'carol', '--roles', 'risk-officer,dpo'],
        {
          env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: t.databaseUrl },
        },
      );
      const token = stdout.trim();
      expect(token).toMatch(/^afw_/);
      const res = await t.http.get('/api/v1/ai-systems').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      const tokens = await t.http.get('/api/v1/tokens').set('Authorization', `Bearer ${await t.tokenFor('root', 'admin')}`);
      expect(tokens.body.items.find((x: { subject: string }) => x.subject === 'carol')).toMatchObject({ roles: ['risk-officer', 'dpo'], source: 'cli' });
    });

    it('token:create --expires-at gives the token an expiry, and refuses one that is not a future date-time', async () => {
      const cli = (...args: string[]) =>
        run(process.execPath, [fromProjectRoot('dist/src/cli.js'), 'token:create', '--subject', 'dave', '--roles', 'auditor', ...args], {
          env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: t.databaseUrl },
        });
      const { stderr } = await cli('--expires-at', '2099-01-01T00:00:00Z');
      expect(stderr).toContain('expires 2099-01-01T00:00:00.000Z');
      const [row] = (await t.db.query(`SELECT expires_at FROM api_tokens WHERE subject = 'dave'`)).rows;
      expect(row.expires_at.toISOString()).toBe('2099-01-01T00:00:00.000Z');
      await expect(cli('--expires-at', 'soon')).rejects.toMatchObject({ stderr: expect.stringContaining('A token must expire at a date-time in the future') });
    });

    it('refuses unknown roles with a clear message', async () => {
      await expect(
        run(process.execPath, [fromProjectRoot('dist/src/cli.js'), 'token:create', '--subject', 'x', '--roles', 'wizard'], {
          env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: t.databaseUrl },
        }),
      ).rejects.toMatchObject({ stderr: expect.stringContaining('--roles: No role "wizard" is defined') });
    });
  });

  it('stops at boot with a message naming a bad variable', async () => {
    await expect(
      run(process.execPath, [fromProjectRoot('dist/src/main.js')], { env: { ...process.env, NODE_OPTIONS: '', PORT: 'eighty' } }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('PORT must be an integer') });
  });
});
