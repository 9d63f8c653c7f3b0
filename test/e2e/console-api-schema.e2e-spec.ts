import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SCHEMA_FILE = new URL('../../console/src/api/schema.ts', import.meta.url);
const HEADER = "// Generated from the service's OpenAPI document by `npm run console:api`; do not edit.\n\n";

/**
 * The console's typed API client is generated from the service's own OpenAPI document, with the values of its
 * enums as arrays (the console's filters and forms offer them); this fails when the committed file no longer
 * matches it (`npm run console:api` rewrites it).
 */
describe('console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('console/src/api/schema.ts is generated from the current OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true, enumValues: true }));
    if (process.env.UPDATE_CONSOLE_API === 'true') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated ? 'up to date' : 'stale: run npm run console:api').toBe('up to date');
  });
});
