import { csvCell } from './csv-cell.js';

describe('csvCell', () => {
  it('quotes what RFC 4180 needs quoted and leaves plain text alone', () => {
    expect(csvCell('A.6.2.8')).toBe('A.6.2.8');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "yes"')).toBe('"say ""yes"""');
    expect(csvCell(null)).toBe('');
  });

  it.each(['=HYPERLINK("http://evil.example","click")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'])('neutralises %j', (formula) => {
    const cell = csvCell(formula);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cell).toContain(formula.replace(/"/g, '""'));
  });
});
