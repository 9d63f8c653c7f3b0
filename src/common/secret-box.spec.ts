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
});
