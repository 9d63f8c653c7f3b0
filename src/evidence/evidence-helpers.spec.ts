import { parseRange } from './byte-range.js';
import { detectEvidenceType } from './evidence-types.js';
import { attachmentDisposition, sanitiseFileName } from './file-name.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('evidence file names', () => {
  it('keeps the last path segment without control, bidi or leading dots', () => {
    expect(sanitiseFileName('C:\\Users\\x\\..\\report.pdf')).toBe('report.pdf');
    expect(sanitiseFileName('../../.hidden\u0000.txt')).toBe('hidden.txt');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('\u2066\u0085')).toBe('evidence');
    expect([...sanitiseFileName(`${'é'.repeat(250)}.pdf`)]).toHaveLength(200);
  });

  it('offers the name back as an attachment with an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Prüfung "final";.pdf')).toBe(
      `attachment; filename="Pr_fung _final_;.pdf"; filename*=UTF-8''Pr%C3%BCfung%20%22final%22%3B.pdf`,
    );
  });
});

describe('byte ranges', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=95-', { start: 95, end: 99 }],
    ['bytes=-5', { start: 95, end: 99 }],
    ['bytes=90-500', { start: 90, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=5-1', undefined],
    ['bytes=0-1,5-9', undefined],
    ['items=0-1', undefined],
    [undefined, undefined],
  ])('%s of 100 bytes', (header, expected) => expect(parseRange(header, 100)).toEqual(expected));
});

describe('evidence types', () => {
  it('takes binary types from the bytes, text types from the declared type or extension', async () => {
    expect(await detectEvidenceType(PNG, 'image/png', 'a.png')).toEqual({ mime: 'image/png' });
    expect(await detectEvidenceType(PNG, 'application/octet-stream', 'a.png')).toEqual({ mime: 'image/png' });
    expect(await detectEvidenceType(Buffer.from('a,b\n1,2\n'), 'text/csv', 'a.csv')).toEqual({ mime: 'text/csv' });
    expect(await detectEvidenceType(Buffer.from('{"a":1}'), '', 'a.json')).toEqual({ mime: 'application/json' });
    expect(await detectEvidenceType(Buffer.from('caf\xc3'), 'text/plain', 'a.txt')).toEqual({ mime: 'text/plain' });
  });

  it('refuses what is not allowed, or not what it claims', async () => {
    expect(await detectEvidenceType(PNG, 'application/pdf', 'a.pdf')).toMatchObject({ reason: 'mismatch' });
    expect(await detectEvidenceType(PNG, 'image/png', 'a.txt')).toMatchObject({ reason: 'mismatch' });
    expect(await detectEvidenceType(Buffer.from('MZ\x90\x00'), 'application/octet-stream', 'a.exe')).toMatchObject({ reason: 'not-allowed' });
    expect(await detectEvidenceType(Buffer.from('plain'), 'application/pdf', 'a.pdf')).toMatchObject({ reason: 'mismatch' });
    expect(await detectEvidenceType(Buffer.from('<html>'), 'text/html', 'a.html')).toMatchObject({ reason: 'unrecognised' });
    expect(await detectEvidenceType(Buffer.from([0x41, 0x00]), 'text/plain', 'a.txt')).toMatchObject({ reason: 'mismatch' });
  });
});
