import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../src/auth/roles.js';
import { TokensService } from '../src/auth/tokens.service.js';
import { createApp } from '../src/bootstrap.js';
import { ModelEventsService } from '../src/model-changes/model-events.service.js';
import { benchDatabase, log } from './bench-database.js';

const FAN_OUT = 10_000;
const SINGLE = 1_000;

/** Systems on one model, half approved (their reassessment starts an impact assessment), half still onboarding. */
async function seed(dataSource: DataSource, count: number, model: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO ai_systems (name, intended_purpose, roles, attributes, model, status, risk_class, created_by, version)
     SELECT 'bench ' || n, 'bench', '{deployer}', '{"useCases":["recruitment"]}'::jsonb,
            jsonb_build_object('provider', 'bench', 'name', $2::text, 'version', '1.0.0'),
            CASE WHEN n % 2 = 0 THEN 'approved' ELSE 'registered' END, 'high', 'bench', 1
       FROM generate_series(1, $1) n RETURNING id`,
    [count, model],
  );
  return rows.map((r) => r.id);
}

/**
 * Issue "Integrations": one model event fanned out to 10,000 systems by the batch worker, against
 * the single-request rate of POST /ai-systems/{id}/model-versions over HTTP, in the same run.
 */
export async function modelEventsBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_model_events');
  const app = await createApp({
    databaseUrl: db.url,
    logLevel: 'warn',
    modelEventPollIntervalMs: 0,
    webhookPollIntervalMs: 0,
    timerPollIntervalMs: 0,
    auditSealIntervalMs: 3_600_000,
    rateLimitPerMinute: 10_000_000,
  });
  await app.listen(0, '127.0.0.1');
  try {
    const dataSource = app.get(DataSource);
    const token = (await app.get(TokensService).create({ subject: 'bench', roles: ['integration'] }, SYSTEM_ACTOR)).token;
    const singles = await seed(dataSource, SINGLE, 'single');
    let next = 0;
    const url = await app.getUrl();
    const single = await autocannon({
      url,
      connections: 8,
      amount: SINGLE,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/ai-systems/${singles[next++ % SINGLE]}/model-versions`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ provider: 'bench', modelName: 'single', version: '2.0.0' }),
          }),
        },
      ],
    });
    const singleRate = single.requests.average;
    log(`single POST model-versions (8 connections): ${singleRate.toFixed(0)} systems/s, p99 ${single.latency.p99} ms, non-2xx ${single.non2xx}`);

    await seed(dataSource, FAN_OUT, 'fleet');
    const events = app.get(ModelEventsService);
    const started = performance.now();
    const { id } = await events.create({ provider: 'bench', modelName: 'fleet', version: '2.0.0' }, { ...SYSTEM_ACTOR, subject: 'bench' });
    await events.runOnce();
    const seconds = (performance.now() - started) / 1000;
    const progress = await events.progress(id);
    const fanRate = progress.processed / seconds;
    log(
      `model event fanned out to ${progress.processed} systems in ${seconds.toFixed(1)} s: ${fanRate.toFixed(0)} systems/s, ${progress.reassessmentsStarted} reassessments started, ${progress.failures} failures`,
    );
    return {
      singleRequestSystemsPerSecond: Math.round(singleRate),
      fanOutSystems: progress.processed,
      fanOutSeconds: Number(seconds.toFixed(1)),
      fanOutSystemsPerSecond: Math.round(fanRate),
      reassessmentsStarted: progress.reassessmentsStarted,
      fanOutToSingleRatio: Number((fanRate / singleRate).toFixed(2)),
    };
  } finally {
    await app.close();
    await db.close();
  }
}
