import { ConfigError, loadConfig } from './app-config.js';

describe('configuration read at boot', () => {
  it('takes AIMSFLOW_SECRET_KEY as 64 hex digits or base64 of 32 bytes, and names it when malformed', () => {
    expect(loadConfig({ AIMSFLOW_SECRET_KEY: 'ab'.repeat(32) }).secretKey).toEqual(Buffer.alloc(32, 0xab));
    expect(loadConfig({ AIMSFLOW_SECRET_KEY: Buffer.alloc(32, 5).toString('base64') }).secretKey).toEqual(Buffer.alloc(32, 5));
    expect(loadConfig({}).secretKey).toBeUndefined();
    for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) {
      expect(() => loadConfig({ AIMSFLOW_SECRET_KEY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ AIMSFLOW_SECRET_KEY: bad })).toThrow(/AIMSFLOW_SECRET_KEY must be 32 bytes/);
    }
  });

  it('takes AIMSFLOW_PREPARED_STATEMENTS as true or false, and names it otherwise', () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ AIMSFLOW_PREPARED_STATEMENTS: 'false' }).preparedStatements).toBe(false);
    expect(() => loadConfig({ AIMSFLOW_PREPARED_STATEMENTS: 'no' })).toThrow(/AIMSFLOW_PREPARED_STATEMENTS must be true or false, got "no"/);
    // Chat targets are https only unless a test opens plain http to loopback.
    expect(loadConfig({}).chatAllowHttpLoopback).toBe(false);
    expect(loadConfig({ AIMSFLOW_CHAT_ALLOW_HTTP_LOOPBACK: 'true' }).chatAllowHttpLoopback).toBe(true);
  });

  it('takes AIMSFLOW_WEBHOOK_ALLOWED_HOSTS as names, addresses and CIDR ranges, and names the entry that is none', () => {
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    expect(loadConfig({ AIMSFLOW_WEBHOOK_ALLOWED_HOSTS: ' hooks.internal, 127.0.0.1 ,10.0.0.0/8,fd00::/8,[::1]' }).webhookAllowedHosts).toEqual([
      'hooks.internal',
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '[::1]',
    ]);
    for (const bad of ['http://hooks.internal', '10.0.0.0/33', 'hooks.internal/8', 'a b']) {
      expect(() => loadConfig({ AIMSFLOW_WEBHOOK_ALLOWED_HOSTS: bad })).toThrow(
        new RegExp(`AIMSFLOW_WEBHOOK_ALLOWED_HOSTS must list .*"${bad.replace(/[./]/g, '\\$&')}"`),
      );
    }
  });

  it('takes the audit-pack retention in days and the session sweep interval, and names the variable when out of range', () => {
    expect(loadConfig({})).toMatchObject({ auditPackRetentionDays: 30, sessionSweepIntervalMs: 600_000 });
    expect(loadConfig({ AIMSFLOW_AUDIT_PACK_RETENTION_DAYS: '7', AIMSFLOW_SESSION_SWEEP_INTERVAL_MS: '0' })).toMatchObject({
      auditPackRetentionDays: 7,
      sessionSweepIntervalMs: 0,
    });
    for (const bad of ['0', '3651', '1.5', 'month'])
      expect(() => loadConfig({ AIMSFLOW_AUDIT_PACK_RETENTION_DAYS: bad })).toThrow(/AIMSFLOW_AUDIT_PACK_RETENTION_DAYS must be an integer between 1 and 3650/);
    expect(() => loadConfig({ AIMSFLOW_SESSION_SWEEP_INTERVAL_MS: '-1' })).toThrow(/AIMSFLOW_SESSION_SWEEP_INTERVAL_MS must be an integer/);
  });

  it('takes the AIMSFLOW_OIDC_* settings as a group: off without an issuer, and names the variable that is missing or malformed', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const base = { AIMSFLOW_OIDC_ISSUER: 'https://login.example.com/realms/acme', AIMSFLOW_OIDC_CLIENT_ID: 'aimsflow', AIMSFLOW_OIDC_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...base, AIMSFLOW_PUBLIC_URL: 'https://aims.example.com/' }).oidc).toMatchObject({
      issuer: 'https://login.example.com/realms/acme',
      redirectUrl: 'https://aims.example.com/api/v1/auth/callback',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      audience: 'aimsflow',
      algorithms: ['RS256', 'ES256', 'PS256'],
      introspection: false,
      roleMapping: {},
    });
    expect(loadConfig({ PORT: '8080', ...base }).oidc?.redirectUrl).toBe('http://localhost:8080/api/v1/auth/callback');
    expect(() => loadConfig({ AIMSFLOW_OIDC_ISSUER: base.AIMSFLOW_OIDC_ISSUER })).toThrow(/AIMSFLOW_OIDC_CLIENT_ID must be set when AIMSFLOW_OIDC_ISSUER is/);
    expect(() => loadConfig({ ...base, AIMSFLOW_OIDC_CLIENT_SECRET: '' })).toThrow(/AIMSFLOW_OIDC_CLIENT_SECRET must be set/);
    expect(() => loadConfig({ ...base, AIMSFLOW_OIDC_ISSUER: 'login.example.com' })).toThrow(/AIMSFLOW_OIDC_ISSUER must be an absolute http\(s\) URL/);
    expect(() => loadConfig({ ...base, AIMSFLOW_OIDC_ISSUER: 'http://login.example.com' })).toThrow(/AIMSFLOW_OIDC_ISSUER must use https/);
    expect(loadConfig({ ...base, AIMSFLOW_OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer).toBe('http://127.0.0.1:8080');
    expect(() => loadConfig({ ...base, AIMSFLOW_OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow(/AIMSFLOW_OIDC_ALGORITHMS must list asymmetric .*"HS256"/);
  });

  it('takes AIMSFLOW_OIDC_ROLE_MAPPING as a JSON object of groups to a role key or keys, naming the variable otherwise', () => {
    const base = { AIMSFLOW_OIDC_ISSUER: 'https://idp.example', AIMSFLOW_OIDC_CLIENT_ID: 'c', AIMSFLOW_OIDC_CLIENT_SECRET: 's' };
    const mapping = '{"aims-risk":"risk-officer","/AIMS/Governance":["governance","auditor"]}';
    expect(loadConfig({ ...base, AIMSFLOW_OIDC_ROLE_MAPPING: mapping }).oidc?.roleMapping).toEqual({
      'aims-risk': ['risk-officer'],
      '/AIMS/Governance': ['governance', 'auditor'],
    });
    for (const bad of ['{not json', '["risk-officer"]', '{"g":[]}', '{"g":"Risk Officer"}', '{"g":[1]}']) {
      expect(() => loadConfig({ ...base, AIMSFLOW_OIDC_ROLE_MAPPING: bad })).toThrow(/^Invalid configuration: AIMSFLOW_OIDC_ROLE_MAPPING /);
    }
  });

  it('takes AIMSFLOW_PUBLIC_URL (default from PORT) and AIMSFLOW_SMTP_URL as URLs of their kind, and names them when not', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ AIMSFLOW_PUBLIC_URL: 'https://aimsflow.example.com/' }).publicUrl).toBe('https://aimsflow.example.com');
    expect(() => loadConfig({ AIMSFLOW_PUBLIC_URL: 'ftp://x' })).toThrow(/AIMSFLOW_PUBLIC_URL must use http/);
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ AIMSFLOW_SMTP_URL: 'smtps://u:p@mail.example.com:465' }).smtpUrl).toBe('smtps://u:p@mail.example.com:465');
    expect(() => loadConfig({ AIMSFLOW_SMTP_URL: 'http://mail.example.com' })).toThrow(/AIMSFLOW_SMTP_URL must use smtp:\/\/ or smtps:\/\//);
    expect(() => loadConfig({ AIMSFLOW_NOTIFY_DIGEST_HOUR: '24' })).toThrow(/AIMSFLOW_NOTIFY_DIGEST_HOUR must be an integer between 0 and 23/);
  });
});
