/** What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180 quoting). Text a spreadsheet would run as a formula, such as
 * `=HYPERLINK(…)` typed into an implementation note, is prefixed with `'` so it shows as text.
 */
export function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\n\r\t']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
