import { Engine } from 'json-rules-engine';
import { ENGINE_OPTIONS } from '../../src/engine/rules/index.js';
import { settledSimulation } from '../helpers/simulations.js';
import { createTestApp, ADMIN_TOKEN, type TestApp } from '../helpers/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const highRisk = {
  name: 'CV screening assistant',
  intendedPurpose: 'Shortlist applicants',
  roles: ['deployer'],
  thirdParty: true,
  attributes: { useCases: ['recruitment'], profilesNaturalPersons: true, processesPersonalData: true, art6_3Derogation: 'none' },
};

/** Rule documents that use every operator, nesting, paths, params and priorities. */
const fidelityDocuments = [
  {
    key: 'fidelity-operators',
    kind: 'test',
    title: 'Every built-in operator',
    description: 'One rule per operator',
    factsSchema: {
      type: 'object',
      properties: { n: { type: 'number' }, s: { type: 'string' }, list: { type: 'array', items: { type: 'string' } }, profile: { type: 'object' } },
    },
    rules: [
      {
        name: 'eq',
        description: 'equal',
        conditions: { all: [{ fact: 's', operator: 'equal', value: 'a' }] },
        event: { type: 'hit', params: { tags: ['eq'] } },
      },
      {
        name: 'ne',
        description: 'notEqual',
        conditions: { all: [{ fact: 's', operator: 'notEqual', value: 'a' }] },
        event: { type: 'hit', params: { tags: ['ne'] } },
      },
      {
        name: 'lt',
        description: 'lessThan',
        conditions: { all: [{ fact: 'n', operator: 'lessThan', value: 3 }] },
        event: { type: 'hit', params: { tags: ['lt'] } },
      },
      {
        name: 'lte',
        description: 'lessThanInclusive',
        conditions: { all: [{ fact: 'n', operator: 'lessThanInclusive', value: 3 }] },
        event: { type: 'hit', params: { tags: ['lte'] } },
      },
      {
        name: 'gt',
        description: 'greaterThan',
        conditions: { all: [{ fact: 'n', operator: 'greaterThan', value: 3 }] },
        event: { type: 'hit', params: { tags: ['gt'] } },
      },
      {
        name: 'gte',
        description: 'greaterThanInclusive',
        conditions: { all: [{ fact: 'n', operator: 'greaterThanInclusive', value: 3 }] },
        event: { type: 'hit', params: { tags: ['gte'] } },
      },
      {
        name: 'in',
        description: 'in',
        conditions: { all: [{ fact: 's', operator: 'in', value: ['a', 'b'] }] },
        event: { type: 'hit', params: { tags: ['in'] } },
      },
      {
        name: 'nin',
        description: 'notIn',
        conditions: { all: [{ fact: 's', operator: 'notIn', value: ['a', 'b'] }] },
        event: { type: 'hit', params: { tags: ['nin'] } },
      },
      {
        name: 'has',
        description: 'contains',
        conditions: { all: [{ fact: 'list', operator: 'contains', value: 'x' }] },
        event: { type: 'hit', params: { tags: ['has'] } },
      },
      {
        name: 'hasnt',
        description: 'doesNotContain',
        conditions: { all: [{ fact: 'list', operator: 'doesNotContain', value: 'x' }] },
        event: { type: 'hit', params: { tags: ['hasnt'] } },
      },
      {
        name: 'path',
        description: 'path into an object',
        conditions: { all: [{ fact: 'profile', path: '$.age', operator: 'greaterThanInclusive', value: 18 }] },
        event: { type: 'hit', params: { tags: ['adult'] } },
      },
    ],
    outcome: { strategy: 'collect', lists: ['tags'], defaults: { tags: [] } },
  },
  {
    key: 'fidelity-nesting',
    kind: 'test',
    title: 'Nesting and priorities',
    description: 'all/any/not nested, priorities',
    factsSchema: { type: 'object', properties: { a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'integer' } } },
    rules: [
      {
        name: 'nested',
        description: 'a and (b or not c > 2)',
        priority: 5,
        conditions: {
          all: [
            { fact: 'a', operator: 'equal', value: true },
            { any: [{ fact: 'b', operator: 'equal', value: true }, { not: { fact: 'c', operator: 'greaterThan', value: 2 } }] },
          ],
        },
        event: { type: 'level', params: { level: 'high' } },
      },
      {
        name: 'fallback',
        description: 'not a',
        priority: 1,
        conditions: { not: { fact: 'a', operator: 'equal', value: true } },
        event: { type: 'level', params: { level: 'low' } },
      },
      {
        name: 'fact-compare',
        description: 'c compared with itself via a fact reference',
        priority: 3,
        conditions: { any: [{ fact: 'c', operator: 'equal', value: { fact: 'c' } }] },
        event: { type: 'level', params: { level: 'medium' } },
      },
    ],
    outcome: { strategy: 'first', defaults: { level: 'none' } },
  },
];

const factSets: Record<string, Array<Record<string, unknown>>> = {
  'fidelity-operators': [
    { n: 3, s: 'a', list: ['x'], profile: { age: 18 } },
    { n: 1, s: 'c', list: [], profile: { age: 10 } },
    { n: 7, s: 'b', list: ['y', 'x'] },
    {},
  ],
  'fidelity-nesting': [{ a: true, b: false, c: 1 }, { a: true, b: false, c: 5 }, { a: false }, { a: true, b: true }, {}],
};

describe('rules as data: rule sets, decisions, simulation, activation', () => {
  let t: TestApp;
  let owner: string;
  let governance: string;
  let reader: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.tokenFor('olivia', 'ai-owner');
    governance = await t.tokenFor('gina', 'governance');
    reader = await t.tokenFor('rita', 'risk-officer');
  });
  afterAll(() => t.close());

  it('lists the seeded rule sets, each active from its file', async () => {
    const res = await t.http.get('/api/v1/rule-sets').set(auth(reader));
    expect(res.status).toBe(200);
    const keys = res.body.map((r: { key: string }) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining(['eu-ai-act-risk-class', 'required-controls', 'required-approvals', 'reassessment-triggers', 'review-interval', 'risk-rating']),
    );
    for (const r of res.body) expect(r).toMatchObject({ activeVersion: 1, activeSource: 'file' });
    const one = await t.http.get('/api/v1/rule-sets/eu-ai-act-risk-class').set(auth(reader));
    expect(one.body).toMatchObject({ key: 'eu-ai-act-risk-class', version: 1, source: 'file', sourceFile: 'rules/eu-ai-act-risk-class.json', active: true });
    expect(one.body.document.rules.length).toBeGreaterThan(5);
  });

  it('classifies a system at registration: risk class, legal basis, required controls, explained decisions', async () => {
    const created = await t.http.post('/api/v1/ai-systems').set(auth(owner)).send(highRisk);
    expect(created.status).toBe(201);
    expect(created.body.riskClass).toBe('high');
    expect(created.body.legalBasis).toContain('Annex III(4)');
    const controlIds = created.body.requiredControls.map((c: { id: string }) => c.id);
    expect(controlIds).toEqual(expect.arrayContaining(['A.5.2', 'A.9.2', 'A.10.3', 'A.6.2.8']));
    for (const control of created.body.requiredControls)
      expect(control.sources[0]).toMatchObject({ rule: expect.any(String), justification: expect.any(String) });

    const decisions = await t.http.get(`/api/v1/ai-systems/${created.body.id}/decisions`).set(auth(reader));
    expect(decisions.status).toBe(200);
    expect(decisions.body.items.map((d: { ruleSetKey: string }) => d.ruleSetKey).sort()).toEqual(['eu-ai-act-risk-class', 'required-controls']);
    const classification = decisions.body.items.find((d: { ruleSetKey: string }) => d.ruleSetKey === 'eu-ai-act-risk-class');
    expect(classification).toMatchObject({ ruleSetVersion: 1, trigger: 'ai-system.registered', actor: 'olivia', outcome: { riskClass: 'high' } });
    expect(classification.facts.useCases).toEqual(['recruitment']);
    const fired = classification.explanation.filter((r: { fired: boolean }) => r.fired);
    expect(fired.length).toBeGreaterThan(0);
    // every evaluated leaf condition says which fact, its value, the operator, the expected value and the result
    const leaves: Array<Record<string, unknown>> = [];
    const walk = (node: Record<string, unknown>) =>
      node.type === 'fact' ? leaves.push(node) : (node.conditions as Array<Record<string, unknown>>).forEach(walk);
    fired.forEach((rule: { conditions: Record<string, unknown> }) => walk(rule.conditions));
    expect(leaves.find((l) => l.fact === 'useCases' && l.evaluated)).toMatchObject({
      operator: expect.any(String),
      expected: expect.anything(),
      actual: ['recruitment'],
      result: true,
    });

    const one = await t.http.get(`/api/v1/decisions/${classification.id}`).set(auth(reader));
    expect(one.body.id).toBe(classification.id);
  });

  it('re-classifies when attributes change, in the same request', async () => {
    const created = await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({ name: 'Helpdesk bot', intendedPurpose: 'Answer questions', roles: ['deployer'], attributes: { useCases: ['chatbot'] } });
    expect(created.body).toMatchObject({ riskClass: 'limited', legalBasis: expect.arrayContaining(['Art. 50(1)']) });
    const patched = await t.http
      .patch(`/api/v1/ai-systems/${created.body.id}`)
      .set(auth(owner))
      .set('If-Match', created.headers.etag)
      .send({ attributes: { useCases: ['chatbot', 'social-scoring'] } });
    expect(patched.body.riskClass).toBe('prohibited');
    const filtered = await t.http.get('/api/v1/ai-systems').query({ riskClass: 'prohibited' }).set(auth(reader));
    expect(filtered.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    const decisions = await t.http.get(`/api/v1/ai-systems/${created.body.id}/decisions`).query({ ruleSet: 'eu-ai-act-risk-class' }).set(auth(reader));
    expect(decisions.body.items.map((d: { trigger: string }) => d.trigger)).toEqual(['ai-system.updated', 'ai-system.registered']);
  });

  it('POST /decisions evaluates with the active version and stores nothing; bad facts get 400 pointers', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM decisions');
    const res = await t.http
      .post('/api/v1/decisions/eu-ai-act-risk-class')
      .set(auth(reader))
      .send({ facts: { useCases: ['social-scoring'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ruleSet: 'eu-ai-act-risk-class',
      version: 1,
      outcome: { riskClass: 'prohibited', basis: expect.arrayContaining(['Art. 5(1)(c)']) },
    });
    const bad = await t.http
      .post('/api/v1/decisions/eu-ai-act-risk-class')
      .set(auth(reader))
      .send({ facts: { useCases: 'social-scoring' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/facts/useCases');
    const missing = await t.http.post('/api/v1/decisions/no-such-rules').set(auth(reader)).send({ facts: {} });
    expect(missing.status).toBe(404);
    const after = await t.db.query('SELECT count(*)::int AS n FROM decisions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('rejects an invalid version with 422 and pointers, storing nothing', async () => {
    const active = await t.http.get('/api/v1/rule-sets/risk-rating').set(auth(reader));
    const doc = structuredClone(active.body.document);
    doc.rules[0].conditions = { all: [{ fact: 'mood', operator: 'resembles', value: 1 }] };
    delete doc.rules[1].description;
    const res = await t.http.post('/api/v1/rule-sets/risk-rating/versions').set(auth(governance)).send(doc);
    expect(res.status).toBe(422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/rules/0/conditions/all/0/operator', '/rules/0/conditions/all/0/fact', '/rules/1/description']));
    const versions = await t.http.get('/api/v1/rule-sets/risk-rating/versions').set(auth(reader));
    expect(versions.body.total).toBe(1);
    expect((await t.http.post('/api/v1/rule-sets/risk-rating/versions').set(auth(owner)).send(active.body.document)).status).toBe(403);
  });

  it('draft → simulate (facts, and every system in the background) → activate → rollback, audited', async () => {
    await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({
        name: 'Exam proctor',
        intendedPurpose: 'Watch exams',
        roles: ['deployer'],
        attributes: { useCases: ['exam-proctoring'], art6_3Derogation: 'preparatory-task', profilesNaturalPersons: false },
      });
    const active = await t.http.get('/api/v1/rule-sets/eu-ai-act-risk-class').set(auth(reader));
    const candidate = structuredClone(active.body.document);
    // the candidate drops the Art. 6(3) derogation: every Annex III use case is high
    candidate.rules = candidate.rules.map((rule: { conditions: unknown }) =>
      JSON.parse(JSON.stringify(rule).replace(/"art6_3Derogation"/g, '"art6_3Derogation"')),
    );
    candidate.description = 'Candidate without the derogation';
    const derogationRules = candidate.rules.filter((r: { description: string; name: string }) => /derogation/i.test(r.name + r.description));
    expect(derogationRules.length).toBeGreaterThan(0);
    candidate.rules = candidate.rules.filter((r: { name: string }) => !derogationRules.some((d: { name: string }) => d.name === r.name));
    candidate.rules.push({
      name: 'annex-iii-no-derogation',
      description: 'Every Annex III use case is high risk (candidate: no Art. 6(3) derogation)',
      conditions: { any: [{ fact: 'useCases', operator: 'contains', value: 'exam-proctoring' }] },
      event: { type: 'risk-class', params: { riskClass: 'high', basis: ['Annex III(3)'] } },
    });

    const created = await t.http.post('/api/v1/rule-sets/eu-ai-act-risk-class/versions').set(auth(governance)).send(candidate);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 2, source: 'api', activatedAt: null });
    const stillActive = await t.http.get('/api/v1/rule-sets/eu-ai-act-risk-class').set(auth(reader));
    expect(stillActive.body.version).toBe(1);

    const decisionsBefore = await t.db.query('SELECT count(*)::int AS n FROM decisions');
    const onFacts = await t.http
      .post('/api/v1/rule-sets/eu-ai-act-risk-class/versions/2/simulate')
      .set(auth(governance))
      .send({ facts: { useCases: ['exam-proctoring'], art6_3Derogation: 'preparatory-task', profilesNaturalPersons: false } });
    expect(onFacts.status).toBe(200);
    expect(onFacts.body).toMatchObject({ mode: 'facts', changed: true, candidate: { version: 2, outcome: { riskClass: 'high' } }, active: { version: 1 } });
    expect(onFacts.body.active.outcome.riskClass).not.toBe('high');

    const queued = await t.http.post('/api/v1/rule-sets/eu-ai-act-risk-class/versions/2/simulate').set(auth(governance)).send({});
    expect(queued.status).toBe(202);
    const simulation = await settledSimulation(t, governance, queued.headers.location);
    expect(simulation.status).toBe('completed');
    const onSystems = simulation.result;
    expect(onSystems.mode).toBe('systems');
    expect(onSystems.systemsEvaluated).toBeGreaterThanOrEqual(3);
    const proctor = onSystems.changes.find((c: { name: string }) => c.name === 'Exam proctor');
    expect(proctor.after.riskClass).toBe('high');
    expect(proctor.before.riskClass).not.toBe('high');
    const decisionsAfter = await t.db.query('SELECT count(*)::int AS n FROM decisions');
    expect(decisionsAfter.rows[0].n).toBe(decisionsBefore.rows[0].n);

    expect((await t.http.post('/api/v1/rule-sets/eu-ai-act-risk-class/versions/2/activate').set(auth(owner))).status).toBe(403);
    const activated = await t.http.post('/api/v1/rule-sets/eu-ai-act-risk-class/versions/2/activate').set(auth(governance));
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ version: 2, activatedBy: 'gina' });
    expect(activated.body.reclassifiedSystems).toBeGreaterThanOrEqual(3);
    const proctorNow = await t.http.get('/api/v1/ai-systems').query({ q: 'Exam proctor' }).set(auth(reader));
    expect(proctorNow.body.items[0].riskClass).toBe('high');
    const evaluated = await t.http
      .post('/api/v1/decisions/eu-ai-act-risk-class')
      .set(auth(reader))
      .send({ facts: { useCases: ['exam-proctoring'], art6_3Derogation: 'preparatory-task' } });
    expect(evaluated.body).toMatchObject({ version: 2, outcome: { riskClass: 'high' } });

    const rollback = await t.http.post('/api/v1/rule-sets/eu-ai-act-risk-class/versions/1/activate').set(auth(governance));
    expect(rollback.status).toBe(200);
    const afterRollback = await t.http.get('/api/v1/ai-systems').query({ q: 'Exam proctor' }).set(auth(reader));
    expect(afterRollback.body.items[0].riskClass).not.toBe('high');

    const audit = await t.http
      .get('/api/v1/audit-events')
      .query({ subjectType: 'rule-set', subjectId: 'eu-ai-act-risk-class', actor: 'gina' })
      .set(auth(ADMIN_TOKEN));
    expect(audit.body.items.map((e: { action: string; after: { activeVersion?: number } }) => [e.action, e.after.activeVersion])).toEqual([
      ['rule-set.activated', 1],
      ['rule-set.activated', 2],
      ['rule-set.version-created', undefined],
    ]);
    const versions = await t.http.get('/api/v1/rule-sets/eu-ai-act-risk-class/versions').set(auth(reader));
    expect(versions.body.items.map((v: { version: number; source: string; active: boolean }) => [v.version, v.source, v.active])).toEqual([
      [2, 'api', false],
      [1, 'file', true],
    ]);
  });

  it('behaves exactly as json-rules-engine for any rules it accepts', async () => {
    for (const doc of fidelityDocuments) {
      const created = await t.http.post(`/api/v1/rule-sets/${doc.key}/versions`).set(auth(governance)).send(doc);
      expect(created.status).toBe(201);
      expect((await t.http.post(`/api/v1/rule-sets/${doc.key}/versions/1/activate`).set(auth(governance))).status).toBe(200);
      const rules = (structuredClone(doc.rules) as unknown as Array<{ name: string; priority?: number; conditions: never; event: never }>).map(
        ({ name, priority, conditions, event }) => ({ name, priority, conditions, event }),
      );
      const engine = new Engine(rules, { ...ENGINE_OPTIONS });
      for (const facts of factSets[doc.key]) {
        const direct = await engine.run(structuredClone(facts));
        const res = await t.http.post(`/api/v1/decisions/${doc.key}`).set(auth(reader)).send({ facts });
        expect(res.status).toBe(200);
        const viaApi = res.body.events.map((e: { type: string; params: unknown }) => ({ type: e.type, params: e.params }));
        const byLibrary = direct.events.map((e) => ({ type: e.type, params: e.params }));
        const sort = (list: Array<{ params: unknown }>) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(sort(viaApi)).toEqual(sort(byLibrary));
        const firedNames = res.body.explanation
          .filter((r: { fired: boolean }) => r.fired)
          .map((r: { name: string }) => r.name)
          .sort();
        expect(firedNames).toEqual(direct.results.map((r) => r.name).sort());
      }
    }
  });
});
