import pg from 'pg';
import { benchDatabase, log } from './bench-database.js';
import { apiClient, rssMiB, startProcessService } from './process-support.js';

const SMALL = 1_000;
const LARGE = 100_000;

/** A three-step review with a form and an escalation timer: one open task, one timer, history per instance. */
const REVIEW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://aimsflow.dev/bench">
  <bpmn:process id="bench-review" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:userTask id="Draft" name="Draft the assessment" aimsflow:candidateRoles="ai-owner" aimsflow:dueDate="P10D">
      <bpmn:extensionElements>
        <aimsflow:formField name="summary" type="string" required="true"/>
        <aimsflow:formField name="severity" type="enum" values="low,medium,high" required="true"/>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="Late" attachedToRef="Draft" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:serviceTask id="Remind" aimsflow:handler="notify"/>
    <bpmn:endEvent id="Reminded"/>
    <bpmn:userTask id="Review" name="Review the assessment" aimsflow:candidateRoles="risk-officer" aimsflow:separateFrom="Draft,initiator"/>
    <bpmn:userTask id="Approve" name="Approve" aimsflow:candidateRoles="top-management"/>
    <bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Draft"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Draft" targetRef="Review"/>
    <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="Approve"/>
    <bpmn:sequenceFlow id="F4" sourceRef="Approve" targetRef="End"/>
    <bpmn:sequenceFlow id="F5" sourceRef="Late" targetRef="Remind"/>
    <bpmn:sequenceFlow id="F6" sourceRef="Remind" targetRef="Reminded"/>
  </bpmn:process>
</bpmn:definitions>`;

/** Copies the template instance with its open task, timer and history until `total` instances exist. */
async function growTo(url: string, templateId: string, total: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM process_instances`)).rows;
    await client.query(`CREATE TEMP TABLE copies AS SELECT gen_random_uuid() AS id, n FROM generate_series($1::int, $2::int) n`, [count + 1, total]);
    const copy = (sql: string) => client.query(sql, [templateId]);
    await copy(
      `INSERT INTO process_instances (id, definition_id, definition_key, definition_version, subject_type, subject_id, status, state, variables,
                                      active_element_ids, waits, completed_by, initiator, root_id, started_by, started_at, updated_at, version)
       SELECT c.id, definition_id, definition_key, definition_version, subject_type, 'sys-' || c.n, status, state, variables,
              active_element_ids, waits, completed_by, initiator, c.id, started_by, started_at, updated_at, version
         FROM process_instances t, copies c WHERE t.id = $1`,
    );
    await copy(
      `INSERT INTO tasks (instance_id, wait_key, element_id, name, documentation, definition_key, definition_version, subject_type, subject_id,
                          candidate_roles, status, due_at, form, separate_from, created_at)
       SELECT c.id, wait_key, element_id, name, documentation, definition_key, definition_version, subject_type, 'sys-' || c.n,
              candidate_roles, status, due_at, form, separate_from, created_at
         FROM tasks t, copies c WHERE t.instance_id = $1`,
    );
    await copy(
      `INSERT INTO process_jobs (kind, instance_id, wait_key, element_id, due_at, run_at, created_at)
       SELECT kind, c.id, wait_key, element_id, due_at, run_at, created_at FROM process_jobs j, copies c WHERE j.instance_id = $1`,
    );
    await copy(
      `INSERT INTO process_history (instance_id, event, wait_key, elements_left, elements_entered, decision_ids, actor, at)
       SELECT c.id, event, wait_key, elements_left, elements_entered, decision_ids, actor, at FROM process_history h, copies c WHERE h.instance_id = $1`,
    );
    await client.query(`DROP TABLE copies`);
    await client.query(`VACUUM ANALYZE process_instances, tasks, process_jobs, process_history`);
  } finally {
    await client.end();
  }
}

/** Starts the service on the database, uses it a little, and reads its resident set after it idled. */
async function measure(url: string, instances: number): Promise<number> {
  const service = await startProcessService(url);
  try {
    const api = apiClient(service.baseUrl);
    const gov = await api.token(`gina-${instances}`, ['governance']);
    const owner = await api.token(`olga-${instances}`, ['ai-owner']);
    const listed = await api.call(gov, 'GET', '/process-instances?limit=50');
    for (const item of listed.items.slice(0, 5)) await api.call(gov, 'GET', `/process-instances/${item.id}`);
    const inbox = await api.call(owner, 'GET', '/tasks?limit=50');
    await api.call(owner, 'POST', `/tasks/${inbox.items[0].id}/complete`, { variables: { summary: 'done', severity: 'low' } });
    await api.call(gov, 'GET', '/process-definitions');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      samples.push(rssMiB(service.child.pid as number));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const rss = samples.sort((a, b) => a - b)[1];
    log(`${instances.toLocaleString('en')} stored instances (inbox total ${inbox.total.toLocaleString('en')}): service RSS ${rss.toFixed(1)} MiB`);
    return rss;
  } finally {
    await service.stop();
  }
}

/** Issue "Process engine": no instance is held in memory, so the service's RSS must not grow with the stored instances. */
export async function processMemoryBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_process_memory');
  try {
    const service = await startProcessService(db.url);
    let templateId: string;
    try {
      const api = apiClient(service.baseUrl);
      const gov = await api.token('gina', ['governance']);
      await api.deploy(gov, REVIEW);
      templateId = (await api.start(gov, 'bench-review', { type: 'ai-system', id: 'sys-0' }, { systemName: 'CV screening', owner: 'olga' })).id;
    } finally {
      await service.stop();
    }
    await growTo(db.url, templateId, SMALL);
    const small = await measure(db.url, SMALL);
    await growTo(db.url, templateId, LARGE);
    const large = await measure(db.url, LARGE);
    const ratio = large / small;
    log(`RSS ratio ${LARGE.toLocaleString('en')} / ${SMALL.toLocaleString('en')} instances: ${ratio.toFixed(2)} (target <= 1.2)`);
    return { rssMiBAt1k: Number(small.toFixed(1)), rssMiBAt100k: Number(large.toFixed(1)), ratio: Number(ratio.toFixed(3)) };
  } finally {
    await db.close();
  }
}
