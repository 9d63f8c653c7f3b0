import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { Engine } from 'bpmn-engine';
import pg from 'pg';

/**
 * Reference for `http-adapters`: the peer a Node team would build instead of aimsflow, a minimal
 * HTTP API over bpmn-engine that persists the engine's state per step. It runs the benchmark's
 * looping process (a user task `Work`, an exclusive gateway back to it until `n < 0`):
 * - `POST /instances` executes a new engine until the task waits and stores `getState()`;
 * - `POST /instances/:id/complete` ({ variables }) locks the stored state (`SELECT … FOR UPDATE`),
 *   recovers and resumes the engine, signals the waiting task with the variables, waits until the
 *   process waits again (or ends) and saves the new state in the same transaction.
 * State lives in a table of its own, `peer_instances`, created at start.
 *
 * Environment: DATABASE_URL, PORT, BENCH_TOKEN (the one bearer token it accepts).
 */

const TOKEN = process.env.BENCH_TOKEN ?? '';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'bench-bpmn-engine-peer' });

const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="PeerDefs" targetNamespace="https://aimsflow.dev/bench">
  <process id="peerLoop" isExecutable="true">
    <startEvent id="Start"/>
    <userTask id="Work" name="Work item"/>
    <exclusiveGateway id="More" default="Again"/>
    <endEvent id="End"/>
    <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
    <sequenceFlow id="F2" sourceRef="Work" targetRef="More"/>
    <sequenceFlow id="Done" sourceRef="More" targetRef="End">
      <conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, environment.variables.n &lt; 0)</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="Again" sourceRef="More" targetRef="Work"/>
  </process>
</definitions>`;

interface Waiting {
  id: string;
  executionId: string;
}

/** An execution listener that copies a completed Work's variables into the process (where the gateway's condition reads them). */
function stepListener(): EventEmitter {
  const listener = new EventEmitter();
  listener.on('activity.end', (api: { id: string; environment: { variables: Record<string, unknown> }; content: { output?: { variables?: object } } }) => {
    if (api.id === 'Work') Object.assign(api.environment.variables, api.content.output?.variables);
  });
  return listener;
}

/** The next activity to wait, or undefined when the process ends first. Asked after resume(), which reports the recovered wait again. */
function nextWait(engine: Engine, listener: EventEmitter): Promise<Waiting | undefined> {
  return new Promise((resolve, reject) => {
    listener.once('activity.wait', (api: Waiting) => resolve({ id: api.id, executionId: api.executionId }));
    engine.once('end', () => resolve(undefined));
    engine.once('error', reject);
  });
}

async function start(): Promise<{ id: string; task: Waiting }> {
  const engine = new Engine({ name: 'peer', source: SOURCE });
  const listener = stepListener();
  const next = nextWait(engine, listener);
  await engine.execute({ listener });
  const task = (await next) as Waiting;
  const state = await engine.getState();
  await engine.stop();
  const id = randomUUID();
  await pool.query('INSERT INTO peer_instances (id, state, version) VALUES ($1, $2, 1)', [id, JSON.stringify(state)]);
  return { id, task };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function complete(id: string, variables: Record<string, unknown>): Promise<{ id: string; completed: string; status: string; nextTask: Waiting | null }> {
  if (!Number.isInteger(variables.n)) throw new HttpError(400, 'variables.n must be an integer');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query({ name: 'peer_lock', text: 'SELECT state FROM peer_instances WHERE id = $1 FOR UPDATE', values: [id] });
    if (!rows.length) throw new HttpError(404, `No instance with id ${id}`);
    const engine = new Engine({ name: 'peer' }).recover(rows[0].state);
    const listener = stepListener();
    const execution = await engine.resume({ listener });
    const task = execution.getPostponed().find((activity) => activity.id === 'Work');
    if (!task) throw new HttpError(409, `Instance ${id} waits for no task`);
    const next = nextWait(engine, listener);
    execution.signal({ id: task.id, executionId: task.executionId, variables });
    const waiting = await next;
    const state = await engine.getState();
    if (waiting) await engine.stop();
    await client.query({
      name: 'peer_save',
      text: 'UPDATE peer_instances SET state = $2, version = version + 1 WHERE id = $1',
      values: [id, JSON.stringify(state)],
    });
    await client.query('COMMIT');
    return { id, completed: task.executionId, status: waiting ? 'active' : 'completed', nextTask: waiting ?? null };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const COMPLETE = /^\/instances\/([0-9a-f-]{36})\/complete$/;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
  const match = COMPLETE.exec(req.url ?? '');
  if (req.method !== 'POST' || (!match && req.url !== '/instances')) return send(res, 404, { error: 'not found' });
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { error: 'unauthorized' });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: { variables?: Record<string, unknown> };
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    } catch {
      return send(res, 400, { error: 'malformed JSON' });
    }
    const work = match ? complete(match[1], body.variables ?? {}) : start();
    work.then(
      (result) => send(res, match ? 200 : 201, result),
      (error: unknown) => send(res, error instanceof HttpError ? error.status : 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
});
server.keepAliveTimeout = 60_000;

await pool.query('CREATE TABLE IF NOT EXISTS peer_instances (id uuid PRIMARY KEY, state jsonb NOT NULL, version integer NOT NULL)');
server.listen(Number(process.env.PORT ?? 3200), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
