import { canonicalSubject } from './subject.js';

describe('canonicalSubject', () => {
  it('makes look-alikes one subject', () => {
    for (const raw of ['Mallory', ' mallory', 'mallory ', 'MALLORY', 'ＭＡＬＬＯＲＹ', '\tMallory\n'])
      expect(canonicalSubject(raw)).toEqual({ subject: 'mallory' });
    expect(canonicalSubject('Jane   Doe')).toEqual({ subject: 'jane doe' });
    expect(canonicalSubject('Straße')).toEqual(canonicalSubject('STRASSE'));
  });

  it('refuses invisible and control characters and empty subjects', () => {
    for (const raw of ['mallory\u200b', 'mal\u0000lory', 'mallory\u202e', 'mal\u2028lory', '\ufeffmallory', 'x\ue000'])
      expect(canonicalSubject(raw)).toEqual({ problem: expect.stringContaining('invisible') });
    expect(canonicalSubject('   ')).toEqual({ problem: 'is empty' });
    expect(canonicalSubject('a'.repeat(201))).toEqual({ problem: expect.stringContaining('longer than 200') });
  });

  it('keeps OpenID identities <issuer>#<sub> verbatim: sub is case-sensitive', () => {
    expect(canonicalSubject('https://idp.example/realms/acme#AbC')).toEqual({ subject: 'https://idp.example/realms/acme#AbC' });
    expect(canonicalSubject('https://idp.example#ada')).not.toEqual(canonicalSubject('https://idp.example#ADA'));
    expect(canonicalSubject('https://idp.example#a\u200bda')).toEqual({ problem: expect.stringContaining('invisible') });
    // written like one but not exactly one: refused, not folded into another person
    for (const raw of [' https://idp.example#AbC', 'https://idp.example#Ab C', 'HTTPS://idp.example#AbC'])
      expect(canonicalSubject(raw)).toEqual({ problem: expect.stringContaining('<issuer>#<sub>') });
  });
});
