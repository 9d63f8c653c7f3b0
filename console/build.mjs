// Builds the console into dist/console unless its sources and the lock file are unchanged since
// the last build (a warm `npm start` then skips it). The hash of what was built is kept beside it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(consoleDir);
const outDir = path.join(root, 'dist', 'console');
const stamp = path.join(outDir, '.source-hash');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(full);
      return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
    });
}

const hash = createHash('sha256');
for (const file of [...files(consoleDir), path.join(root, 'package-lock.json')]) {
  hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(path.join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  process.stdout.write('console: unchanged, not rebuilt\n');
} else {
  // Vite is loaded only when there is something to build: a warm start skips it entirely.
  const { build } = await import('vite');
  await build({ configFile: path.join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, digest);
  process.stdout.write('console: built into dist/console\n');
}
