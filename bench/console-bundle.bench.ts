import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromProjectRoot } from '../src/common/paths.js';
import { log } from './bench-database.js';

const KB = 1024;

/**
 * What a browser fetches to show the console's first page: the entry script and the chunks
 * index.html preloads (gzip level 6, as a proxy would send them), against the lazily loaded
 * chunks (bpmn-js, the editor) that only their pages fetch. Reads the build in dist/console.
 */
export async function consoleBundleBench(): Promise<Record<string, number>> {
  const dir = fromProjectRoot('dist/console');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]));
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\shref="\/([^"]+\.css)"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dir, file)), { level: 6 }).length;
  const assets = readdirSync(path.join(dir, 'assets')).map((name) => `assets/${name}`);
  const lazy = assets.filter((file) => file.endsWith('.js') && !initial.has(file));
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gz(file), 0);
  const result = {
    initialJsFiles: initial.size,
    initialJsGzipKb: Math.round((sum(initial) / KB) * 10) / 10,
    initialJsRawKb: Math.round([...initial].reduce((t, f) => t + readFileSync(path.join(dir, f)).length, 0) / KB),
    initialCssGzipKb: Math.round((sum(css) / KB) * 10) / 10,
    lazyJsFiles: lazy.length,
    lazyJsGzipKb: Math.round((sum(lazy) / KB) * 10) / 10,
    largestLazyJsGzipKb: Math.round((Math.max(0, ...lazy.map(gz)) / KB) * 10) / 10,
  };
  log(`console: initial JS ${result.initialJsGzipKb} KB gzip in ${result.initialJsFiles} file(s); lazy ${result.lazyJsGzipKb} KB in ${result.lazyJsFiles}`);
  return result;
}
