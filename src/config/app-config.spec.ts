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
});
