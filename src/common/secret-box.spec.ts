import { ConfigError, loadConfig } from '../config/app-config.js';
import { generateSecretKey, parseSecretKey, SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const key = parseSecretKey(generateSecretKey()) as Buffer;

  it('seals a secret so that only its key opens it', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('whsec_c2VjcmV0');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('c2VjcmV0');
    expect(box.seal('whsec_c2VjcmV0')).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe('whsec_c2VjcmV0');
    expect(() => new SecretBox(Buffer.alloc(32, 1)).open(sealed)).toThrow(/another key sealed it/);
    expect(() => new SecretBox().open(sealed)).toThrow(/AIMSFLOW_SECRET_KEY is not set/);
  });

  it('keeps secrets as given without a key, and opens secrets stored before a key was set', () => {
    expect(new SecretBox().seal('whsec_x')).toBe('whsec_x');
    expect(new SecretBox(key).open('whsec_x')).toBe('whsec_x');
  });

  it('takes AIMSFLOW_SECRET_KEY as 64 hex digits or base64 of 32 bytes, and names it when malformed', () => {
    expect(loadConfig({ AIMSFLOW_SECRET_KEY: 'ab'.repeat(32) }).secretKey).toEqual(Buffer.alloc(32, 0xab));
    expect(loadConfig({ AIMSFLOW_SECRET_KEY: Buffer.alloc(32, 5).toString('base64') }).secretKey).toEqual(Buffer.alloc(32, 5));
    expect(loadConfig({}).secretKey).toBeUndefined();
    for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) {
      expect(() => loadConfig({ AIMSFLOW_SECRET_KEY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ AIMSFLOW_SECRET_KEY: bad })).toThrow(/AIMSFLOW_SECRET_KEY must be 32 bytes/);
    }
  });
});
