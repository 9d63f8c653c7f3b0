import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRuleSetDirectory } from './load.js';

describe('readRuleSetDirectory', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aimsflow-rules-'));
    const document = {
      key: 'good',
      kind: 'test',
      title: 'Good',
      description: 'Valid',
      factsSchema: { type: 'object', properties: { n: { type: 'number' } } },
      rules: [{ name: 'r', description: 'r', conditions: { all: [] }, event: { type: 'e' } }],
      outcome: { strategy: 'collect' },
    };
    await writeFile(path.join(dir, 'good.json'), JSON.stringify(document));
    await writeFile(path.join(dir, 'renamed.json'), JSON.stringify(document));
    await writeFile(path.join(dir, 'broken.json'), '{ "key": ');
    await writeFile(path.join(dir, 'null.json'), 'null');
    await writeFile(path.join(dir, 'notes.txt'), 'ignored');
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads every JSON file, sorted, with its issues', async () => {
    const files = await readRuleSetDirectory(dir);
    expect(files.map((file) => [path.basename(file.file), file.issues.map((issue) => issue.pointer)])).toEqual([
      ['broken.json', ['']],
      ['good.json', []],
      ['null.json', ['']],
      ['renamed.json', ['/key']],
    ]);
    expect(files[0].issues[0].message).toMatch(/^is not JSON: /);
    expect(files[3].issues[0].message).toBe('must equal the file name "renamed"');
  });
});
