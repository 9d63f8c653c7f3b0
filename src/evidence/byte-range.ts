/** Inclusive byte positions of one range of a representation. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * One `Range: bytes=…` of a representation of `size` bytes (RFC 9110 14.2): `a-b`, `a-` or the
 * suffix `-n`. `undefined` when the whole representation is to be sent (no header, another unit,
 * several ranges, or a header that is not a valid range, which RFC 9110 says to ignore);
 * `'unsatisfiable'` when the range starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Number(match[2]);
  if (match[2] !== '' && end < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}
