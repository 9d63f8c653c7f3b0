import type { Json } from './lifecycle.js';
import { auth } from './processes.js';
import type { TestApp } from './test-app.js';

/** GETs a rule simulation (its Location) until it has completed or failed: the worker runs it in the background. */
export async function settledSimulation(t: TestApp, token: string, location: string): Promise<Json> {
  const deadline = Date.now() + 230_000; // within the longest simulation test budget (hostile input)
  while (Date.now() < deadline) {
    const res = await t.http.get(location).set(auth(token)).expect(200);
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`rule simulation ${location} did not finish`);
}
