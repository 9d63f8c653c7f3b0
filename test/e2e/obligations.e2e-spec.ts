import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { highRiskSystem, type Json, lifecycleClient, type LifecycleClient, type Person } from '../helpers/lifecycle.js';

const HIGH_RISK_PROVIDER = ['Art. 8–15', 'Art. 16–17', 'Art. 43', 'Art. 49', 'Art. 72', 'Art. 73'];

/**
 * The EU AI Act obligations calendar (rules/eu-ai-act-obligations.json): the classification and the
 * organisation's roles give each system its obligations, with the date each applies from and where
 * that date comes from (the Official Journal, or the Digital Omnibus deferral of the high-risk dates).
 */
describe('EU AI Act obligations calendar', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person; // AI owner: registers systems
  let audrey: Person; // auditor: reads the calendar
  let today: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    audrey = await lc.person('audrey', 'auditor');
    today = (await lc.get(audrey, '/clock').expect(200)).body.now.slice(0, 10);
    const register = async (key: string, body: Json) => (ids[key] = (await lc.register(olivia, body)).system.id);
    await register('screening', highRiskSystem('CV screening')); // Annex III(4), deployer
    await register('chatbot', { name: 'Support chatbot', intendedPurpose: 'Answer customers', roles: ['provider'], attributes: { useCases: ['chatbot'] } });
    await register('machine', {
      name: 'Press safety vision',
      intendedPurpose: 'Stop the press when a hand is in the way',
      roles: ['provider'],
      attributes: { useCases: ['forecasting'], safetyComponentOfRegulatedProduct: true },
    });
    await register('scoring', { name: 'Citizen score', intendedPurpose: 'Rank citizens', roles: ['deployer'], attributes: { useCases: ['social-scoring'] } });
  });
  afterAll(() => t.close());

  const calendar = async (key: string): Promise<Json> => (await lc.get(audrey, `/ai-systems/${ids[key]}/obligations`).expect(200)).body;
  const brief = (obligations: Json[]) => obligations.map((o) => `${o.article} ${o.appliesFrom} ${o.source}`);

  it('gives each system the obligations of its class and roles, with the date and its source', async () => {
    const screening = await calendar('screening');
    expect(screening).toMatchObject({ systemId: ids.screening, riskClass: 'high', roles: ['deployer'], ruleSetVersion: 1 });
    expect(brief(screening.obligations)).toEqual(['Art. 4 2025-02-02 official-journal', 'Art. 26 2027-12-02 digital-omnibus']);
    expect(screening.obligations[0]).toEqual({
      id: 'art-4-ai-literacy',
      article: 'Art. 4',
      title: expect.any(String),
      roles: ['provider', 'deployer'],
      appliesFrom: '2025-02-02',
      source: 'official-journal',
      sourceRef: 'Regulation (EU) 2024/1689 Art. 113(a)',
      applies: today >= '2025-02-02',
    });
    expect(screening.obligations[1]).toMatchObject({ sourceRef: expect.stringContaining('Digital Omnibus'), applies: today >= '2027-12-02' });

    expect(brief((await calendar('chatbot')).obligations)).toEqual(['Art. 4 2025-02-02 official-journal', 'Art. 50(1) 2026-08-02 official-journal']);
    expect(brief((await calendar('machine')).obligations)).toEqual([
      'Art. 4 2025-02-02 official-journal',
      ...HIGH_RISK_PROVIDER.map((article) => `${article} 2028-08-02 digital-omnibus`),
    ]);
    const scoring = await calendar('scoring');
    expect(scoring.riskClass).toBe('prohibited');
    expect(brief(scoring.obligations)).toEqual(['Art. 4 2025-02-02 official-journal', 'Art. 5 2025-02-02 official-journal']);
  });

  it('lists the calendar across the register, earliest first, filtered and paginated', async () => {
    const list = async (query: Record<string, string | number>) => (await lc.get(audrey, '/obligations', { limit: 100, ...query }).expect(200)).body;
    const all = await list({});
    expect(all.total).toBe(2 + 2 + 7 + 2);
    const dates = all.items.map((o: Json) => o.appliesFrom);
    expect(dates).toEqual([...dates].sort());

    const before2027 = await list({ appliesBefore: '2027-01-01' });
    // By date, then article, then system name.
    expect(before2027.items.map((o: Json) => `${o.systemName}: ${o.article}`)).toEqual([
      'Citizen score: Art. 4',
      'CV screening: Art. 4',
      'Press safety vision: Art. 4',
      'Support chatbot: Art. 4',
      'Citizen score: Art. 5',
      'Support chatbot: Art. 50(1)',
    ]);
    // Still ahead from a date (inclusive), or within a window with appliesBefore.
    const ahead = await list({ appliesFrom: '2026-08-02' });
    expect(ahead.total).toBe(all.items.filter((o: Json) => o.appliesFrom >= '2026-08-02').length);
    expect(ahead.items.every((o: Json) => o.appliesFrom >= '2026-08-02')).toBe(true);
    expect(ahead.items.map((o: Json) => o.appliesFrom)).toContain('2026-08-02');
    const window = await list({ appliesFrom: '2025-02-02', appliesBefore: '2025-02-03' });
    expect(window.items.map((o: Json) => o.appliesFrom)).toEqual(
      before2027.items.filter((o: Json) => o.appliesFrom === '2025-02-02').map((o: Json) => o.appliesFrom),
    );
    await lc.get(audrey, '/obligations', { appliesFrom: 'later' }).expect(400);
    const omnibus = await list({ source: 'digital-omnibus', role: 'deployer' });
    expect(omnibus.items.map((o: Json) => [o.systemId, o.article, o.appliesFrom])).toEqual([[ids.screening, 'Art. 26', '2027-12-02']]);
    const machine = await list({ systemId: ids.machine, appliesBefore: '2028-08-03', limit: 2, offset: 1 });
    expect({ total: machine.total, articles: machine.items.map((o: Json) => o.article) }).toEqual({ total: 7, articles: ['Art. 8–15', 'Art. 16–17'] });

    await lc.get(audrey, '/obligations', { appliesBefore: 'soon' }).expect(400);
    await lc.get(audrey, '/obligations', { role: 'owner' }).expect(400);
    await lc.get(audrey, '/ai-systems/00000000-0000-4000-8000-000000000000/obligations').expect(404);
  });

  it('follows the classification: a system reclassified high-risk gains the high-risk obligations', async () => {
    const system = await lc.system(olivia, ids.chatbot);
    await t.http
      .patch(`/api/v1/ai-systems/${ids.chatbot}`)
      .set({ Authorization: `Bearer ${olivia.token}`, 'If-Match': `"${system.version}"` })
      .send({ attributes: { useCases: ['chatbot', 'education-assessment'], art6_3Derogation: 'none' } })
      .expect(200);
    const after = await calendar('chatbot');
    expect(after.riskClass).toBe('high');
    expect(brief(after.obligations)).toEqual([
      'Art. 4 2025-02-02 official-journal',
      'Art. 50(1) 2026-08-02 official-journal',
      ...HIGH_RISK_PROVIDER.map((article) => `${article} 2027-12-02 digital-omnibus`),
    ]);
  });
});
