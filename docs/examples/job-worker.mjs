// An external job worker for aimsflow (the Camunda 8 job worker pattern). Node.js 20+, no dependencies.
// Run: AIMSFLOW_URL=http://localhost:3000 AIMSFLOW_TOKEN=afw_... node docs/examples/job-worker.mjs sanctions-screening
// The token needs the `integration` role. Stop with Ctrl-C.
import { pathToFileURL } from 'node:url';

/** The work itself: here a stand-in for a sanctions list look-up. */
async function screen(job) {
  const name = String(job.variables.name ?? '');
  if (name.toUpperCase().includes('SANCTIONED')) {
    // A business outcome the model catches with an error boundary event (else: an incident).
    return { error: { errorCode: 'SANCTIONED', errorMessage: `${name} is on the ${job.customHeaders.list ?? 'EU'} list`, variables: { listedOn: 'EU' } } };
  }
  return { variables: { hits: 0 } };
}

/** One round: activate (long polling up to `requestTimeout` ms), do each job, answer it. Returns what was done. */
export async function workOnce({ url, token, type, worker, requestTimeout = 20_000, handle = screen }) {
  const call = async (path, body, timeoutMs = 10_000) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const result = await res.json();
    // 409: the lock ran out and the job went to another worker (job-handed-on), or it was answered already: drop it.
    if (res.status === 409) return { outcome: result.code };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${result.code ?? ''} ${result.detail ?? ''}`);
    return result;
  };
  // Each job is ours for 60 s; the request waits up to `requestTimeout` for jobs to arrive.
  const { jobs } = await call('/jobs/activate', { type, worker, maxJobsToActivate: 5, timeout: 60_000, requestTimeout }, requestTimeout + 10_000);
  const done = [];
  for (const job of jobs) {
    let answer;
    try {
      const outcome = await handle(job);
      answer = outcome.error ? await call(`/jobs/${job.key}/error`, outcome.error) : await call(`/jobs/${job.key}/complete`, { variables: outcome.variables });
    } catch (error) {
      // A technical failure: try again in 30 s while retries last; at 0 the job becomes an incident.
      answer = await call(`/jobs/${job.key}/fail`, { retries: job.retries - 1, retryBackOff: 30_000, errorMessage: error.message });
    }
    done.push({ instanceId: job.processInstanceId, elementId: job.elementId, outcome: answer.outcome });
  }
  return done;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const type = process.argv[2] ?? 'sanctions-screening';
  const options = {
    url: process.env.AIMSFLOW_URL ?? 'http://localhost:3000',
    token: process.env.AIMSFLOW_TOKEN,
    type,
    worker: `${type}-worker-${process.pid}`,
  };
  for (;;) {
    try {
      for (const job of await workOnce(options)) console.log(`${job.elementId} of ${job.instanceId}: ${job.outcome}`);
    } catch (error) {
      console.error(`${error.message}; again in 5 s`);
      await new Promise((resume) => setTimeout(resume, 5_000));
    }
  }
}
