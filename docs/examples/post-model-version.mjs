// Tell aimsflow that a system's model changed, safely retried. Node.js 20+, no dependencies.
// Run: AIMSFLOW_URL=http://localhost:3000 AIMSFLOW_TOKEN=afw_... node docs/examples/post-model-version.mjs <system-id> 2.0.0
import { randomUUID } from 'node:crypto';

const [systemId, version] = process.argv.slice(2);
const base = process.env.AIMSFLOW_URL ?? 'http://localhost:3000';

// One key per logical change, reused for every retry of it: the first response comes back, no second effect.
const idempotencyKey = `model-version:${systemId}:${version}:${randomUUID()}`;
const body = JSON.stringify({ provider: 'acme-ai', modelName: 'rank-large', version, declaredChanges: { trainingDataChanged: true } });

for (let attempt = 1; ; attempt++) {
  try {
    const res = await fetch(`${base}/api/v1/ai-systems/${systemId}/model-versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${process.env.AIMSFLOW_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const result = await res.json();
    if (res.status >= 500 || res.status === 429) throw new Error(`${res.status}: ${result.detail}`);
    if (!res.ok) {
      console.error(`refused (${res.status}):`, result.detail, result.errors ?? '');
      process.exit(1);
    }
    console.log(res.headers.get('idempotent-replayed') ? 'already recorded:' : 'recorded:', JSON.stringify(result.decision), result.instanceId ?? '');
    break;
  } catch (error) {
    if (attempt === 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 250)); // network error, timeout or 5xx: retry, same key
  }
}
