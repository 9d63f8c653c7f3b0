import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

/** A column of a table: its header and its share of the page width (PDF, DOCX) or its width in characters (XLSX). */
export interface DocumentColumn {
  header: string;
  /** Relative width; the renderers scale the columns of a table to the page. */
  width: number;
}

export type DocumentBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'fields'; rows: Array<[label: string, value: string]> }
  | { type: 'table'; name: string; columns: DocumentColumn[]; rows: string[][] };

export interface DocumentSection {
  heading: string;
  blocks: DocumentBlock[];
}

/** What a reader needs to check a document against the system of record. */
export interface DocumentVerification {
  /** SHA-256 of the canonical JSON of the data the document was generated from. */
  contentHash: string;
  /** The last sealed audit event when the document was generated (null: nothing sealed yet). */
  auditHead: { seq: string; hash: string } | null;
}

/**
 * A generated document independent of its format: the renderers (PDF, XLSX, DOCX) lay out the same
 * sections, so every format of a kind says the same thing.
 */
export interface DocumentModel {
  kind: string;
  title: string;
  subtitle?: string;
  /** Wide tables: the PDF is laid out in landscape. */
  landscape?: boolean;
  generatedAt: Date;
  ruleSets: Record<string, number>;
  sections: DocumentSection[];
  verification: DocumentVerification;
}

export function contentHash(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

/** The verification footer's lines, the same in every format. */
export function footerLines(doc: DocumentModel): string[] {
  const ruleSets = Object.entries(doc.ruleSets)
    .map(([name, version]) => `${name} v${version}`)
    .join(', ');
  const head = doc.verification.auditHead;
  return [
    `Generated ${doc.generatedAt.toISOString()} from current data${ruleSets ? `; rule sets: ${ruleSets}` : ''}.`,
    `Data SHA-256 ${doc.verification.contentHash}; audit chain head ${head ? `#${head.seq} ${head.hash}` : 'none (nothing sealed yet)'}.`,
  ];
}

export function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length ? value.map(text).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
