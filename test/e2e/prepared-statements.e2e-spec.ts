import { DataSource } from 'typeorm';
import { preparedQuery } from '../../src/database/prepared-query.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { createTestApp } from '../helpers/test-app.js';

const LOOP = bpmn(
  'prepared-loop',
  `<bpmn:startEvent id="Start"/><bpmn:userTask id="Work" aimsflow:candidateRoles="ai-owner"/><bpmn:endEvent id="End"/>${chain('Start', 'Work', 'End')}`,
);

/** The hot statements of a step are named prepared statements, unless AIMSFLOW_PREPARED_STATEMENTS=false. */
describe.each([true, false])('prepared statements: %s', (preparedStatements) => {
  it(`${preparedStatements ? 'prepares' : 'does not prepare'} the step's statements on the transaction's connection, and completes tasks either way`, async () => {
    const t = await createTestApp({ ...OWN_PROCESSES_ONLY, preparedStatements });
    try {
      const prepared = await t.app.get(DataSource).transaction(async (m) => {
        await preparedQuery(m, 'SELECT $1::int AS prepared_probe', [1]);
        return (await m.query(`SELECT name FROM pg_prepared_statements WHERE statement = 'SELECT $1::int AS prepared_probe'`)).length;
      });
      expect(prepared).toBe(preparedStatements ? 1 : 0);

      const p = processClient(t);
      const gov = await t.tokenFor('gina', 'governance');
      const olga = await t.tokenFor('olga', 'ai-owner');
      await p.deploy(gov, LOOP).expect(201);
      const id = (await p.start(gov, 'prepared-loop', {}, { type: 'case', id: 'p1' }).expect(201)).body.id as string;
      const task = await p.taskOf(olga, id, 'Work');
      await t.http.post(`/api/v1/tasks/${task.id}/complete`).set(auth(olga)).send({}).expect(200);
      expect((await p.instance(gov, id)).body.status).toBe('completed');
    } finally {
      await t.close();
    }
  });
});
