import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../../src/common/paths.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Start-up sync of rules/: precedence of files and API versions, invalid files, a folder left without valid versions. */
describe('rules/ folder sync at start-up', () => {
  let rulesDir: string;
  let database: { url: string; name: string };
  const apps: TestApp[] = [];
  const start = async () => {
    const app = await createTestApp({ rulesDir }, database);
    apps.push(app);
    return app;
  };
  const stopAll = async () => {
    while (apps.length) await apps.pop()!.close();
  };
  const ratingFile = () => path.join(rulesDir, 'risk-rating.json');
  const editRating = (change: (doc: Record<string, unknown>) => void) => {
    const doc = JSON.parse(readFileSync(ratingFile(), 'utf8'));
    change(doc);
    writeFileSync(ratingFile(), JSON.stringify(doc, null, 2));
  };

  beforeAll(async () => {
    rulesDir = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-rules-'));
    for (const file of readdirSync(fromProjectRoot('rules'))) copyFileSync(fromProjectRoot('rules', file), path.join(rulesDir, file));
    database = await createTestDatabase();
  });
  afterEach(stopAll);
  afterAll(async () => {
    await dropTestDatabase(database.name);
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('a file whose content changed becomes a new active version; unchanged content (even reformatted) does not', async () => {
    let t = await start();
    const admin = await t.tokenFor('admin1', 'admin');
    expect((await t.http.get('/api/v1/rule-sets/risk-rating').set('Authorization', `Bearer ${admin}`)).body.version).toBe(1);
    await stopAll();

    writeFileSync(ratingFile(), JSON.stringify(JSON.parse(readFileSync(ratingFile(), 'utf8'))));
    t = await start();
    expect((await t.http.get('/api/v1/rule-sets/risk-rating').set('Authorization', `Bearer ${admin}`)).body.version).toBe(1);
    await stopAll();

    editRating((doc) => (doc.description = 'Edited in the file'));
    t = await start();
    const active = await t.http.get('/api/v1/rule-sets/risk-rating').set('Authorization', `Bearer ${admin}`);
    expect(active.body).toMatchObject({ version: 2, source: 'file', fileSync: { result: 'activated', version: 2 } });
  });

  it('never lets a file silently replace a version activated through the API', async () => {
    let t = await start();
    const gov = await t.tokenFor('gina', 'governance');
    const current = await t.http.get('/api/v1/rule-sets/risk-rating').set('Authorization', `Bearer ${gov}`);
    const viaApi = { ...current.body.document, description: 'Changed through the API' };
    const created = await t.http.post('/api/v1/rule-sets/risk-rating/versions').set('Authorization', `Bearer ${gov}`).send(viaApi);
    await t.http.post(`/api/v1/rule-sets/risk-rating/versions/${created.body.version}/activate`).set('Authorization', `Bearer ${gov}`).expect(200);
    await stopAll();

    editRating((doc) => (doc.description = 'Edited in the file again'));
    t = await start();
    const active = await t.http.get('/api/v1/rule-sets/risk-rating').set('Authorization', `Bearer ${gov}`);
    expect(active.body).toMatchObject({ version: created.body.version, source: 'api', fileSync: { result: 'stored-not-activated' } });
    const versions = await t.http.get('/api/v1/rule-sets/risk-rating/versions').set('Authorization', `Bearer ${gov}`);
    expect(versions.body.items[0]).toMatchObject({ source: 'file', active: false, sourceFile: expect.stringContaining('risk-rating.json') });
  });

  it('reports an invalid file with its JSON pointer and never activates it', async () => {
    editRating((doc) => ((doc.rules as Array<Record<string, unknown>>)[0].conditions = { all: [{ fact: 'likelihood', operator: 'approximately', value: 3 }] }));
    const t = await start();
    const gov = await t.tokenFor('gina2', 'governance');
    const active = await t.http.get('/api/v1/rule-sets/risk-rating').set('Authorization', `Bearer ${gov}`);
    expect(active.body.fileSync).toMatchObject({ result: 'invalid', issues: [expect.objectContaining({ pointer: '/rules/0/conditions/all/0/operator' })] });
    expect(active.body.source).toBe('api');
  });

  it('refuses to start when a rule set of the folder would have no valid version', async () => {
    writeFileSync(
      path.join(rulesDir, 'brand-new.json'),
      JSON.stringify({
        key: 'brand-new',
        kind: 'x',
        title: 'x',
        description: 'x',
        factsSchema: { type: 'object', properties: {} },
        rules: [],
        outcome: { strategy: 'bogus' },
      }),
    );
    await expect(start()).rejects.toThrow(/brand-new/);
    rmSync(path.join(rulesDir, 'brand-new.json'));
  });
});
