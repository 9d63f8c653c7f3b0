import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidationIssue } from './types.js';
import { CompiledRuleSet } from './compiled-rule-set.js';

export interface RuleSetFile {
  file: string;
  /** The parsed JSON; undefined when the file is not JSON. */
  document: unknown;
  /** Validation issues, plus a file name that does not match `key`. [] = ready to compile. */
  issues: ValidationIssue[];
}

/** Reads every `*.json` rule set in a folder (the `rules/` sync at start-up), sorted by file name. */
export async function readRuleSetDirectory(dir: string): Promise<RuleSetFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map((name) => readRuleSetFile(path.join(dir, name))));
}

export async function readRuleSetFile(file: string): Promise<RuleSetFile> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { file, document: undefined, issues: [{ pointer: '', message: `is not JSON: ${(error as Error).message}` }] };
  }
  const issues = await CompiledRuleSet.check(document);
  const expected = path.basename(file, '.json');
  const key = typeof document === 'object' && document !== null ? (document as { key?: unknown }).key : undefined;
  if (typeof key === 'string' && key !== expected) issues.push({ pointer: '/key', message: `must equal the file name "${expected}"` });
  return { file, document, issues };
}
