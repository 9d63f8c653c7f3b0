/** Longest stored file name, in characters (the extension is kept when a longer one is cut). */
export const MAX_FILE_NAME_LENGTH = 200;

// C0 and C1 controls, DEL; bidirectional overrides, embeddings, isolates and marks (a "txt.exe" shown as "exe.txt").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The file name as stored and offered back on download: the last path segment only (no `../`,
 * no drive), without control characters or bidirectional overrides, no leading dots or spaces,
 * at most MAX_FILE_NAME_LENGTH characters (the extension kept); `evidence` when nothing is left.
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(UNSAFE, '')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '')
    .replace(/^[a-z]:/i, '');
  const chars = [...clean];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return clean || 'evidence';
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 16 ? [...clean.slice(dot)] : [];
  return chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('') + extension.join('');
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
