import { isIP } from 'node:net';
import path from 'node:path';
import { fromProjectRoot } from '../common/paths.js';
import { parseSecretKey } from '../common/secret-box.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const CLOCK_MODES = ['system', 'manual'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];
export const HTTP_ADAPTERS = ['express', 'fastify'] as const;
export type HttpAdapterName = (typeof HTTP_ADAPTERS)[number];

/** Everything the service reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  /** The HTTP server under Nest: Express, or Fastify kept for measurement; both give the same API and conventions (docs/adr/0005-http-adapter.md). */
  httpAdapter: HttpAdapterName;
  /** Set by the operator, or by main.ts after it has started the embedded database. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  adminToken?: string;
  logLevel: LogLevel;
  rateLimitPerMinute: number;
  /** Seals webhook signing secrets at rest (the embedded database brings its own). */
  secretKey?: Buffer;
  /** How long a resolved token is trusted without a lookup; 0 looks every request up. */
  tokenCacheSeconds: number;
  /** Named prepared statements for the hot queries; off behind a pooler that cannot keep them. */
  preparedStatements: boolean;
  /** A statement waiting longer than this for a lock fails (and its transaction is retried). */
  dbLockTimeoutMs: number;
  /** A statement running longer than this is cancelled (503). */
  dbStatementTimeoutMs: number;
  /** Attempts of a transaction that hits a deadlock, serialization failure or lock timeout before 503. */
  dbRetryAttempts: number;
  auditSealIntervalMs: number;
  attributeSchemaPath: string;
  /** The built console served at `/` (nothing is served there when it has no index.html). */
  consoleDir: string;
  /** Rule set files synced at start-up. */
  rulesDir: string;
  /** Create and print an admin token on the first start with no tokens (off for the CLI). */
  bootstrapToken: boolean;
  /** How often the webhook worker looks for due deliveries; 0 turns it off. */
  webhookPollIntervalMs: number;
  /** Attempts of one delivery before it is marked failed (redeliverable). */
  webhookMaxAttempts: number;
  /** A receiver that has not answered by then counts as a failed attempt. */
  webhookTimeoutMs: number;
  /** First retry delay; doubled per attempt, with jitter, capped at one hour. */
  webhookRetryBaseMs: number;
  /** Hosts (names, addresses or CIDR ranges) webhooks may reach although private, loopback or link-local. */
  webhookAllowedHosts: string[];
  /** Lets chat targets use plain http on a loopback host (tests and local receivers only). */
  chatAllowHttpLoopback: boolean;
  /** How often the model-event worker looks for pending systems; 0 turns it off. */
  modelEventPollIntervalMs: number;
  /** Systems handled per model-event batch (one transaction). */
  modelEventBatchSize: number;
  /** BPMN files deployed at start-up. */
  processesDir: string;
  /** `manual`: time stands still until POST /clock/advance moves it (demos, acceptance tests). */
  clock: ClockMode;
  /** How often due timers and step retries are looked for; 0 turns the poller off. */
  timerPollIntervalMs: number;
  /** Attempts of a timer- or message-driven step before it raises an incident. */
  processMaxAttempts: number;
  /** How often idempotency keys past their retention are removed. */
  idempotencySweepIntervalMs: number;
  /** How often the rule-simulation worker looks for queued simulations against every system; 0 turns it off. */
  simulationPollIntervalMs: number;
  /** How often the audit-pack worker looks for requested packs (its own or those a stopped replica left); 0 turns it off. */
  auditPackPollIntervalMs: number;
  /** Days a finished audit pack can be downloaded; then the audit-packs worker deletes its ZIP and marks it expired. */
  auditPackRetentionDays: number;
  /** A simulation against every system still running after this long is stopped and marked failed. */
  simulationTimeoutMs: number;
  /** A FEEL evaluation with loops, quantifiers or functions may take this long and this much memory; one engine step this long on FEEL in all. */
  feelTimeoutMs: number;
  feelMemoryMb: number;
  feelStepBudgetMs: number;
  /** Deploy-time bounds of a BPMN definition. */
  bpmnMaxElements: number;
  bpmnMaxForkWidth: number;
  bpmnMaxNesting: number;
  /** How deep call activities may nest at run time (a process calling itself stops here). */
  bpmnMaxCallDepth: number;
  maxMultiInstanceItems: number;
  /** Shortest period of a timer cycle. */
  timerMinCycleMs: number;
  /** Bounds of a rule set (shared conditions counted where they are used). */
  rulesMaxRules: number;
  rulesMaxDepth: number;
  rulesMaxConditions: number;
  /** Bounds on the shape of a JSON request body (and query) before anything walks it. */
  jsonMaxDepth: number;
  jsonMaxKeys: number;
  jsonMaxItems: number;
  /** nodemailer transport URL (`smtp://` or `smtps://`); unset: no e-mail notifications. */
  smtpUrl?: string;
  /** The From of notification mail. */
  mailFrom: string;
  /** How often the notification workers (fan-out, delivery, task deadlines) run; 0 turns them off. */
  notifyPollIntervalMs: number;
  /** Hour (UTC) at which the daily digest goes out. */
  notifyDigestHour: number;
  /** An open task is announced as due soon this long before its due time. */
  notifyDueSoonHours: number;
  /** Current evidence is announced as expiring this many days before its valid-until (once). */
  evidenceExpiryNoticeDays: number;
  /** Attempts of one notification delivery before it is marked failed (redeliverable). */
  notifyMaxAttempts: number;
  /** First retry delay of a notification delivery; doubled per attempt, with jitter, capped at one hour. */
  notifyRetryBaseMs: number;
  /** An SMTP server or chat webhook that has not answered by then counts as a failed attempt. */
  notifyTimeoutMs: number;
  /** Largest evidence file, in bytes (413 past it). */
  evidenceMaxBytes: number;
  /** All stored evidence content together, in bytes (413 for an upload that would pass it). */
  evidenceQuotaBytes: number;
  /** Where people reach the service (scheme, host, port): the OpenID redirect URL, links in notifications (`<publicUrl>/tasks/<id>`), and Secure session cookies when https. */
  publicUrl: string;
  /** A console session ends this long after sign-in, however active. */
  sessionTtlMs: number;
  /** A console session unused this long ends. */
  sessionIdleMs: number;
  /** How often ended sessions and abandoned sign-ins are removed; 0 turns the sweep off. */
  sessionSweepIntervalMs: number;
  /** Sign-in through the organisation's OpenID provider; undefined: off (API tokens only). */
  oidc?: OidcSettings;
}

export const DEFAULT_OIDC_ALGORITHMS = ['RS256', 'ES256', 'PS256'];
/** JWS algorithms an operator may allow: asymmetric only (a shared secret would let the client forge tokens). */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** The organisation's OpenID provider (AIMSFLOW_OIDC_*). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  /** The claim (a name, or a dotted path such as `realm_access.roles`) that lists a person's groups or roles. */
  groupsClaim: string;
  /** IdP group → aimsflow role keys. */
  roleMapping: Record<string, string[]>;
  /** What access tokens sent as bearer tokens must name in `aud`. */
  audience: string;
  algorithms: string[];
  /** Ask the provider's introspection endpoint whether an access token is still active (revocation). */
  introspection: boolean;
  introspectionCacheMs: number;
  /** Least time between two fetches of the provider's keys when a token names an unknown key. */
  jwksCooldownMs: number;
  /** How long a sign-in may take between leaving for the provider and coming back. */
  loginTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function databaseUrlVar(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL such as postgres://user:password@host:5432/db');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use the postgres:// scheme, got "${url.protocol}"`);
  }
  return raw;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(name, `must be true or false, got "${raw}"`);
  return raw === 'true';
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/i;

/** A comma-separated list of host names, IP addresses and CIDR ranges (`10.1.0.0/16`). */
function hostListVar(env: Env, name: string): string[] {
  const entries = (env[name] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address.replace(/^\[|\]$/g, ''));
    const validPrefix = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (extra !== undefined || (prefix !== undefined && !family) || !validPrefix || (!family && !HOST_NAME.test(address))) {
      throw new ConfigError(name, `must list host names, IP addresses or CIDR ranges separated by commas; "${entry}" is none of them`);
    }
  }
  return entries;
}

function smtpUrlVar(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL such as smtps://user:password@mail.example.com:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError(name, `must use smtp:// or smtps://, got "${url.protocol}"`);
  return raw;
}

function secretKeyVar(env: Env, name: string): Buffer | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const key = parseSecretKey(raw);
  if (!key) throw new ConfigError(name, 'must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)');
  return key;
}

function urlVar(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(name, `must use http or https, got "${url.protocol}"`);
  return raw.replace(/\/+$/, '');
}

const ROLE_KEY = /^[a-z][a-z0-9-]{0,62}$/;

/** `{"<IdP group>": "<role>" | ["<role>", …]}`; the roles must look like role keys (whether they exist is checked once the database is up). */
export function parseRoleMapping(raw: string | undefined, name = 'AIMSFLOW_OIDC_ROLE_MAPPING'): Record<string, string[]> {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(name, `must be a JSON object mapping IdP groups to role keys: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(name, 'must be a JSON object mapping IdP groups to role keys, e.g. {"aims-risk":"risk-officer"}');
  }
  const mapping: Record<string, string[]> = {};
  for (const [group, value] of Object.entries(parsed)) {
    const roles = typeof value === 'string' ? [value] : value;
    if (!group || !Array.isArray(roles) || roles.length === 0 || roles.some((r) => typeof r !== 'string' || !ROLE_KEY.test(r))) {
      throw new ConfigError(
        name,
        `maps group ${JSON.stringify(group)} to ${JSON.stringify(value)}: give a role key (lower case, digits, dashes) or a non-empty array of them`,
      );
    }
    mapping[group] = [...new Set(roles as string[])];
  }
  return mapping;
}

function listVar(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

/** A provider on this machine (tests, a local Keycloak) may speak plain http; any other must use https. */
export function isLoopbackUrl(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The AIMSFLOW_OIDC_* group: all optional together; without an issuer, sign-in through a provider is off. */
function oidcVar(env: Env, publicUrl: string): OidcSettings | undefined {
  if (!env.AIMSFLOW_OIDC_ISSUER) return undefined;
  const issuer = new URL(urlVar(env, 'AIMSFLOW_OIDC_ISSUER', ''));
  if (issuer.protocol !== 'https:' && !isLoopbackUrl(issuer)) {
    throw new ConfigError('AIMSFLOW_OIDC_ISSUER', 'must use https (plain http only for a provider on this machine: localhost, 127.0.0.1, [::1])');
  }
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new ConfigError(name, 'must be set when AIMSFLOW_OIDC_ISSUER is');
    return value;
  };
  const clientId = required('AIMSFLOW_OIDC_CLIENT_ID');
  const algorithms = listVar(env, 'AIMSFLOW_OIDC_ALGORITHMS', DEFAULT_OIDC_ALGORITHMS);
  const bad = algorithms.find((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
  if (bad) throw new ConfigError('AIMSFLOW_OIDC_ALGORITHMS', `must list asymmetric JWS algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')}), got "${bad}"`);
  const groupsClaim = env.AIMSFLOW_OIDC_GROUPS_CLAIM || 'groups';
  return {
    // Kept as given: the issuer tokens name must match it exactly, a trailing slash included.
    issuer: env.AIMSFLOW_OIDC_ISSUER,
    clientId,
    clientSecret: required('AIMSFLOW_OIDC_CLIENT_SECRET'),
    redirectUrl: urlVar(env, 'AIMSFLOW_OIDC_REDIRECT_URL', `${publicUrl}/api/v1/auth/callback`),
    scopes: env.AIMSFLOW_OIDC_SCOPES || 'openid profile email',
    groupsClaim,
    roleMapping: parseRoleMapping(env.AIMSFLOW_OIDC_ROLE_MAPPING),
    audience: env.AIMSFLOW_OIDC_AUDIENCE || clientId,
    algorithms,
    introspection: boolVar(env, 'AIMSFLOW_OIDC_INTROSPECTION', false),
    introspectionCacheMs: intVar(env, 'AIMSFLOW_OIDC_INTROSPECTION_CACHE_MS', 30_000, 0, 3_600_000),
    jwksCooldownMs: intVar(env, 'AIMSFLOW_OIDC_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000),
    loginTimeoutMs: intVar(env, 'AIMSFLOW_OIDC_LOGIN_TIMEOUT_MS', 600_000, 10_000, 3_600_000),
  };
}

/** Reads and checks the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const clock = (env.AIMSFLOW_CLOCK || 'system') as ClockMode;
  if (!CLOCK_MODES.includes(clock)) {
    throw new ConfigError('AIMSFLOW_CLOCK', `must be one of ${CLOCK_MODES.join(', ')}, got "${env.AIMSFLOW_CLOCK}"`);
  }
  const httpAdapter = (env.AIMSFLOW_HTTP_ADAPTER || 'express') as HttpAdapterName;
  if (!HTTP_ADAPTERS.includes(httpAdapter)) {
    throw new ConfigError('AIMSFLOW_HTTP_ADAPTER', `must be one of ${HTTP_ADAPTERS.join(', ')}, got "${env.AIMSFLOW_HTTP_ADAPTER}"`);
  }
  const adminToken = env.AIMSFLOW_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 32) {
    throw new ConfigError('AIMSFLOW_ADMIN_TOKEN', 'must be at least 32 characters long');
  }
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const publicUrl = urlVar(env, 'AIMSFLOW_PUBLIC_URL', `http://localhost:${port}`);
  return {
    port,
    httpAdapter,
    databaseUrl: databaseUrlVar(env, 'DATABASE_URL'),
    dataDir: path.resolve(env.AIMSFLOW_DATA_DIR || '.data'),
    embeddedPgPort: intVar(env, 'AIMSFLOW_EMBEDDED_PG_PORT', 54329, 1024, 65535),
    adminToken,
    logLevel,
    rateLimitPerMinute: intVar(env, 'AIMSFLOW_RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
    secretKey: secretKeyVar(env, 'AIMSFLOW_SECRET_KEY'),
    tokenCacheSeconds: intVar(env, 'AIMSFLOW_TOKEN_CACHE_SECONDS', 30, 0, 3600),
    preparedStatements: boolVar(env, 'AIMSFLOW_PREPARED_STATEMENTS', true),
    dbLockTimeoutMs: intVar(env, 'AIMSFLOW_DB_LOCK_TIMEOUT_MS', 5000, 1, 600_000),
    dbStatementTimeoutMs: intVar(env, 'AIMSFLOW_DB_STATEMENT_TIMEOUT_MS', 30_000, 1, 3_600_000),
    dbRetryAttempts: intVar(env, 'AIMSFLOW_DB_RETRY_ATTEMPTS', 4, 1, 20),
    auditSealIntervalMs: intVar(env, 'AIMSFLOW_AUDIT_SEAL_INTERVAL_MS', 500, 10, 3_600_000),
    attributeSchemaPath: env.AIMSFLOW_ATTRIBUTE_SCHEMA ? path.resolve(env.AIMSFLOW_ATTRIBUTE_SCHEMA) : fromProjectRoot('data/ai-system-attribute-schema.json'),
    consoleDir: env.AIMSFLOW_CONSOLE_DIR ? path.resolve(env.AIMSFLOW_CONSOLE_DIR) : fromProjectRoot('dist/console'),
    rulesDir: env.AIMSFLOW_RULES_DIR ? path.resolve(env.AIMSFLOW_RULES_DIR) : fromProjectRoot('rules'),
    bootstrapToken: true,
    webhookPollIntervalMs: intVar(env, 'AIMSFLOW_WEBHOOK_POLL_INTERVAL_MS', 1000, 0, 3_600_000),
    webhookMaxAttempts: intVar(env, 'AIMSFLOW_WEBHOOK_MAX_ATTEMPTS', 8, 1, 100),
    webhookTimeoutMs: intVar(env, 'AIMSFLOW_WEBHOOK_TIMEOUT_MS', 5000, 100, 120_000),
    webhookRetryBaseMs: intVar(env, 'AIMSFLOW_WEBHOOK_RETRY_BASE_MS', 1000, 1, 3_600_000),
    webhookAllowedHosts: hostListVar(env, 'AIMSFLOW_WEBHOOK_ALLOWED_HOSTS'),
    chatAllowHttpLoopback: boolVar(env, 'AIMSFLOW_CHAT_ALLOW_HTTP_LOOPBACK', false),
    modelEventPollIntervalMs: intVar(env, 'AIMSFLOW_MODEL_EVENT_POLL_INTERVAL_MS', 500, 0, 3_600_000),
    modelEventBatchSize: intVar(env, 'AIMSFLOW_MODEL_EVENT_BATCH_SIZE', 100, 1, 10_000),
    processesDir: env.AIMSFLOW_PROCESSES_DIR ? path.resolve(env.AIMSFLOW_PROCESSES_DIR) : fromProjectRoot('processes'),
    clock,
    timerPollIntervalMs: intVar(env, 'AIMSFLOW_TIMER_POLL_INTERVAL_MS', 1000, 0, 3_600_000),
    processMaxAttempts: intVar(env, 'AIMSFLOW_PROCESS_MAX_ATTEMPTS', 5, 1, 100),
    idempotencySweepIntervalMs: intVar(env, 'AIMSFLOW_IDEMPOTENCY_SWEEP_INTERVAL_MS', 3_600_000, 0, 86_400_000),
    simulationPollIntervalMs: intVar(env, 'AIMSFLOW_SIMULATION_POLL_INTERVAL_MS', 1000, 0, 3_600_000),
    auditPackPollIntervalMs: intVar(env, 'AIMSFLOW_AUDIT_PACK_POLL_INTERVAL_MS', 5000, 0, 3_600_000),
    auditPackRetentionDays: intVar(env, 'AIMSFLOW_AUDIT_PACK_RETENTION_DAYS', 30, 1, 3650),
    simulationTimeoutMs: intVar(env, 'AIMSFLOW_SIMULATION_TIMEOUT_MS', 600_000, 100, 3_600_000),
    feelTimeoutMs: intVar(env, 'AIMSFLOW_FEEL_TIMEOUT_MS', 250, 10, 60_000),
    feelMemoryMb: intVar(env, 'AIMSFLOW_FEEL_MEMORY_MB', 64, 16, 4096),
    feelStepBudgetMs: intVar(env, 'AIMSFLOW_FEEL_STEP_BUDGET_MS', 1000, 10, 600_000),
    bpmnMaxElements: intVar(env, 'AIMSFLOW_BPMN_MAX_ELEMENTS', 1000, 10, 5000),
    bpmnMaxForkWidth: intVar(env, 'AIMSFLOW_BPMN_MAX_FORK_WIDTH', 100, 2, 1000),
    bpmnMaxNesting: intVar(env, 'AIMSFLOW_BPMN_MAX_NESTING', 20, 1, 100),
    bpmnMaxCallDepth: intVar(env, 'AIMSFLOW_BPMN_MAX_CALL_DEPTH', 10, 1, 100),
    maxMultiInstanceItems: intVar(env, 'AIMSFLOW_MAX_MULTI_INSTANCE_ITEMS', 500, 1, 100_000),
    timerMinCycleMs: intVar(env, 'AIMSFLOW_TIMER_MIN_CYCLE_MS', 60_000, 1000, 86_400_000),
    rulesMaxRules: intVar(env, 'AIMSFLOW_RULES_MAX_RULES', 1000, 1, 100_000),
    rulesMaxDepth: intVar(env, 'AIMSFLOW_RULES_MAX_DEPTH', 24, 2, 200),
    rulesMaxConditions: intVar(env, 'AIMSFLOW_RULES_MAX_CONDITIONS', 20_000, 10, 1_000_000),
    jsonMaxDepth: intVar(env, 'AIMSFLOW_JSON_MAX_DEPTH', 32, 4, 256),
    jsonMaxKeys: intVar(env, 'AIMSFLOW_JSON_MAX_KEYS', 1000, 10, 100_000),
    jsonMaxItems: intVar(env, 'AIMSFLOW_JSON_MAX_ITEMS', 10_000, 10, 1_000_000),
    smtpUrl: smtpUrlVar(env, 'AIMSFLOW_SMTP_URL'),
    mailFrom: env.AIMSFLOW_MAIL_FROM || 'aimsflow <aimsflow@localhost>',
    notifyPollIntervalMs: intVar(env, 'AIMSFLOW_NOTIFY_POLL_INTERVAL_MS', 1000, 0, 3_600_000),
    notifyDigestHour: intVar(env, 'AIMSFLOW_NOTIFY_DIGEST_HOUR', 8, 0, 23),
    notifyDueSoonHours: intVar(env, 'AIMSFLOW_NOTIFY_DUE_SOON_HOURS', 24, 1, 720),
    evidenceExpiryNoticeDays: intVar(env, 'AIMSFLOW_EVIDENCE_EXPIRY_NOTICE_DAYS', 30, 1, 365),
    notifyMaxAttempts: intVar(env, 'AIMSFLOW_NOTIFY_MAX_ATTEMPTS', 8, 1, 100),
    notifyRetryBaseMs: intVar(env, 'AIMSFLOW_NOTIFY_RETRY_BASE_MS', 1000, 1, 3_600_000),
    notifyTimeoutMs: intVar(env, 'AIMSFLOW_NOTIFY_TIMEOUT_MS', 10_000, 100, 120_000),
    evidenceMaxBytes: intVar(env, 'AIMSFLOW_EVIDENCE_MAX_BYTES', 100 * 1024 * 1024, 1, 16 * 1024 ** 3),
    evidenceQuotaBytes: intVar(env, 'AIMSFLOW_EVIDENCE_QUOTA_BYTES', 10 * 1024 ** 3, 1, 2 ** 50),
    publicUrl,
    sessionTtlMs: intVar(env, 'AIMSFLOW_SESSION_TTL_MS', 28_800_000, 60_000, 2_592_000_000),
    sessionIdleMs: intVar(env, 'AIMSFLOW_SESSION_IDLE_MS', 1_800_000, 60_000, 2_592_000_000),
    sessionSweepIntervalMs: intVar(env, 'AIMSFLOW_SESSION_SWEEP_INTERVAL_MS', 600_000, 0, 86_400_000),
    oidc: oidcVar(env, publicUrl),
  };
}
