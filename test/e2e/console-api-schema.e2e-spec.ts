import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SCHEMA_FILE = new URL('../../console/src/api/schema.d.ts', import.meta.url);
const HEADER = "// Generated from the service's OpenAPI document by `npm run console:api`; do not edit.\n\n";

/**
 * The console's typed API client is generated from the service's own OpenAPI document; this
 * fails when the committed types no longer match it (`npm run console:api` rewrites them).
 */
describe('console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('console/src/api/schema.d.ts is generated from the current OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
    if (process.env.UPDATE_CONSOLE_API === 'true') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated ? 'up to date' : 'stale: run npm run console:api').toBe('up to date');
  });
});
