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
