import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

/**
 * Reference for `http-adapters`: the ceiling of any Node service here. node:http and pg, no
 * framework, no engine; it completes the next task of the benchmark's looping process with the
 * transaction aimsflow runs (docs/adr/0003-task-completion-write-path.md) on the same tables:
 * BEGIN; one statement locking the instance (its root first) and the task; one statement writing
 * the completed and the next task, the instance, its history, the two audit events and the two
 * outbox events with their webhook fan-out; COMMIT. Both statements are named prepared statements,
 * as aimsflow's are. The XState step is replaced by the few edits the loop makes to the snapshot.
 *
 * Environment: DATABASE_URL, PORT, BENCH_TOKEN (the one bearer token it accepts).
 */

const TOKEN = process.env.BENCH_TOKEN ?? '';
// aimsflow's pool size (src/database/data-source-options.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'bench-bare-node' });
const DUE_IN_MS = 5 * 24 * 3600_000;

const LOCK = `WITH target AS (SELECT instance_id AS id FROM tasks WHERE id = $1)
SELECT p.*, p.id = target.id AS is_target, t.status AS task_status, t.wait_key AS task_wait_key
  FROM process_instances p JOIN tasks t ON t.id = $1, target
 WHERE p.id = target.id OR p.id = (SELECT root_id FROM process_instances WHERE id = target.id)
 ORDER BY p.id = target.id FOR UPDATE OF p, t`;

const STEP = `WITH completed_tasks AS (
  UPDATE tasks SET status = 'completed', assignee = $3, claimed_at = coalesce(claimed_at, $4), completed_at = $4, completed_by = $3,
                   outcome = NULL, variables = $5, version = version + 1
   WHERE id = $2::uuid AND status = 'open' RETURNING *
), created_tasks AS (
  INSERT INTO tasks (id, instance_id, wait_key, element_id, name, definition_key, definition_version, subject_type, subject_id,
                     candidate_roles, status, due_at, form, separate_from, created_at)
  VALUES ($6::uuid, $1::uuid, $7, 'Work', 'Work item', $8, $9, $10, $11, '{ai-owner}', 'open', $12, $13, '{}', $4)
  RETURNING *
), instance_row AS (
  UPDATE process_instances SET state = $14, variables = $15, active_element_ids = '{Work}', waits = $16, completed_by = $17,
                               updated_at = $4, version = version + 1
   WHERE id = $1
), history AS (
  INSERT INTO process_history (instance_id, event, wait_key, elements_left, elements_entered, decision_ids, actor, at, details)
  VALUES ($1, 'task.complete', $18, '["Work", "More"]', '["More", "Work"]', '[]', $3, $4, $19)
), audit_rows AS (
  INSERT INTO audit_events (occurred_at, actor, action, subject_type, subject_id, before, after, request_id)
  VALUES ($4, $3, 'task.completed', 'task', $2::text, NULL, $20, $22), ($4, $3, 'task.created', 'task', $6::text, NULL, $21, $22)
), outbox_rows AS (
  INSERT INTO outbox_events (type, subject_type, subject_id, data, occurred_at)
  VALUES ('task.completed', 'task', $2::text, $23, $4), ('task.created', 'task', $6::text, $24, $4)
  RETURNING id, seq, type, subject_type, subject_id
), outbox_deliveries AS (
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_seq, ordering_key, next_attempt_at)
  SELECT s.id, e.id, e.seq, e.subject_type || ':' || e.subject_id, $4
    FROM outbox_rows e JOIN webhook_subscriptions s ON s.deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE p = '*' OR p = e.type OR (p LIKE '%.*' AND e.type LIKE left(p, -1) || '%'))
)
SELECT 'created_tasks' AS change, created_tasks.* FROM created_tasks
UNION ALL SELECT 'completed_tasks' AS change, completed_tasks.* FROM completed_tasks`;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Snapshot {
  snapshot: {
    context: {
      now: string;
      tokens: Record<string, unknown>;
      counters: Record<string, number>;
      variables: Record<string, unknown>;
      completedBy: Record<string, string[]>;
    };
  };
}

async function complete(taskId: string, variables: Record<string, unknown>, requestId: string) {
  if (!Number.isInteger(variables.n)) throw new HttpError(400, 'variables.n must be an integer');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query({ name: 'bare_lock', text: LOCK, values: [taskId] });
    const instance = locked.rows.find((row) => row.is_target);
    if (!instance) throw new HttpError(404, `No task with id ${taskId}`);
    const [wait] = instance.waits as Array<{ key: string; dueAt: string }>;
    if (instance.task_status !== 'open' || wait?.key !== instance.task_wait_key) throw new HttpError(409, `Task ${taskId} is ${instance.task_status}`);

    // What the XState step changes in the loop: a new token for Work, the variables, who completed it.
    const now = new Date();
    const dueAt = new Date(now.getTime() + DUE_IN_MS).toISOString();
    const state = instance.state as Snapshot;
    const context = state.snapshot.context;
    const counter = (context.counters.Work ?? 0) + 1;
    const nextKey = `Work:${counter}`;
    const nextTaskId = randomUUID();
    const actor = 'bench-worker';
    const completedBy = { ...instance.completed_by, Work: [...new Set([...(instance.completed_by.Work ?? []), actor])] };
    const instanceVariables = { ...instance.variables, ...variables };
    Object.assign(context, {
      now: now.toISOString(),
      tokens: { Work: { key: nextKey, dueAt, candidateRoles: ['ai-owner'] } },
      counters: { ...context.counters, Work: counter },
      variables: instanceVariables,
      completedBy,
    });
    const subject = { type: instance.subject_type, id: instance.subject_id };
    const task = { name: 'Work item', elementId: 'Work', instanceId: instance.id, subject };
    const rows = await client.query({
      name: 'bare_step',
      text: STEP,
      values: [
        instance.id,
        taskId,
        actor,
        now,
        JSON.stringify(variables),
        nextTaskId,
        nextKey,
        instance.definition_key,
        instance.definition_version,
        instance.subject_type,
        instance.subject_id,
        dueAt,
        JSON.stringify([{ name: 'n', type: 'integer', required: true }]),
        JSON.stringify(state),
        JSON.stringify(instanceVariables),
        JSON.stringify([{ ...wait, key: nextKey, dueAt }]),
        JSON.stringify(completedBy),
        wait.key,
        JSON.stringify({ taskId, outcome: null }),
        JSON.stringify({ instanceId: instance.id, elementId: 'Work', outcome: null, variables }),
        JSON.stringify({ instanceId: instance.id, elementId: 'Work', candidateRoles: ['ai-owner'], dueAt }),
        requestId,
        JSON.stringify({ id: taskId, ...task, completedBy: actor, outcome: null }),
        JSON.stringify({ id: nextTaskId, ...task, candidateRoles: ['ai-owner'], dueAt }),
      ],
    });
    await client.query('COMMIT');
    const completed = rows.rows.find((row) => row.change === 'completed_tasks');
    return {
      ...completed,
      instance: { id: instance.id, status: 'active', activeElementIds: ['Work'] },
      nextTasks: rows.rows.filter((row) => row.change === 'created_tasks'),
    };
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

const COMPLETE = /^\/tasks\/([0-9a-f-]{36})\/complete$/;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
  const match = req.method === 'POST' ? COMPLETE.exec(req.url ?? '') : null;
  if (!match) return send(res, 404, { error: 'not found' });
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { error: 'unauthorized' });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: { variables?: Record<string, unknown> };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { error: 'malformed JSON' });
    }
    complete(match[1], body.variables ?? {}, randomUUID()).then(
      (result) => send(res, 200, result),
      (error: unknown) => send(res, error instanceof HttpError ? error.status : 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
