import { fileTypeFromBuffer } from 'file-type';

/** One allowed kind of content: its media type, the file name extensions it may carry, and how its bytes are recognised. */
interface AllowedType {
  mime: string;
  extensions: string[];
  /** `magic`: file-type must detect `mime` (or one of `containers`) from the bytes; `text`: no magic bytes, UTF-8 text. */
  check: 'magic' | 'text';
  /**
   * What file-type may report for it instead: office documents are ZIP or CFB containers, and which
   * document is inside is not always visible in the first bytes.
   */
  containers?: string[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ZIP = ['application/zip'];
const CFB = ['application/x-cfb'];

/** What evidence may be: documents, images, text, CSV, JSON and ZIP archives. */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], check: 'magic' },
  { mime: 'image/png', extensions: ['png'], check: 'magic' },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], check: 'magic' },
  { mime: 'image/gif', extensions: ['gif'], check: 'magic' },
  { mime: 'image/webp', extensions: ['webp'], check: 'magic' },
  { mime: 'image/tiff', extensions: ['tif', 'tiff'], check: 'magic' },
  { mime: `${OOXML}.wordprocessingml.document`, extensions: ['docx'], check: 'magic', containers: ZIP },
  { mime: `${OOXML}.spreadsheetml.sheet`, extensions: ['xlsx'], check: 'magic', containers: ZIP },
  { mime: `${OOXML}.presentationml.presentation`, extensions: ['pptx'], check: 'magic', containers: ZIP },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], check: 'magic', containers: ZIP },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], check: 'magic', containers: ZIP },
  { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], check: 'magic', containers: ZIP },
  { mime: 'application/msword', extensions: ['doc'], check: 'magic', containers: CFB },
  { mime: 'application/vnd.ms-excel', extensions: ['xls'], check: 'magic', containers: CFB },
  { mime: 'application/vnd.ms-powerpoint', extensions: ['ppt'], check: 'magic', containers: CFB },
  { mime: 'application/zip', extensions: ['zip'], check: 'magic' },
  { mime: 'text/plain', extensions: ['txt', 'log', 'md'], check: 'text' },
  { mime: 'text/markdown', extensions: ['md'], check: 'text' },
  { mime: 'text/csv', extensions: ['csv'], check: 'text' },
  { mime: 'application/json', extensions: ['json'], check: 'text' },
];

/** Declared types that say nothing (curl's default for a file part); the bytes and the extension decide. */
const UNSPECIFIC = new Set(['', 'application/octet-stream']);

/** Why the content was refused: `not-allowed` names a detected type off the list, `mismatch` the declared and detected ones. */
export type TypeRefusal = { reason: 'not-allowed' | 'mismatch' | 'unrecognised'; message: string };

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** A decoder that refuses invalid UTF-8, but not a character cut in two at the end of the prefix. */
function isUtf8Text(prefix: Uint8Array): boolean {
  if (prefix.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The stored type of an upload, decided from its first bytes (`prefix`), the type the client
 * declared and the file name's extension: binary types by their magic bytes (file-type), text, CSV
 * and JSON — which have none — by the declared type or the extension and a UTF-8 check of the
 * prefix. The declared type (unless unspecific) and the extension must agree with what the bytes are.
 */
export async function detectEvidenceType(prefix: Uint8Array, declared: string, fileName: string): Promise<{ mime: string } | TypeRefusal> {
  const claimed = declared.split(';')[0].trim().toLowerCase();
  const extension = extensionOf(fileName);
  const detected = (await fileTypeFromBuffer(prefix))?.mime;
  const byClaim = ALLOWED_TYPES.find((t) => t.mime === claimed);
  let type: AllowedType | undefined;
  if (detected) {
    // Prefer the declared type when the bytes are its container (a .docx is a ZIP), else what the bytes say.
    type =
      byClaim && (byClaim.mime === detected || byClaim.containers?.includes(detected))
        ? byClaim
        : ALLOWED_TYPES.find((t) => t.mime === detected && t.check === 'magic');
    if (!type) return { reason: 'not-allowed', message: `the content is ${detected}, which is not an allowed evidence type` };
    if (!UNSPECIFIC.has(claimed) && type !== byClaim) return { reason: 'mismatch', message: `declared as ${claimed} but the content is ${detected}` };
  } else {
    type = UNSPECIFIC.has(claimed)
      ? ALLOWED_TYPES.find((t) => t.check === 'text' && t.extensions.includes(extension))
      : byClaim?.check === 'text'
        ? byClaim
        : undefined;
    if (!type) {
      const what = UNSPECIFIC.has(claimed) ? `a file named .${extension || '(no extension)'}` : claimed;
      return {
        reason: byClaim ? 'mismatch' : 'unrecognised',
        message: byClaim
          ? `declared as ${claimed} but the content has no ${claimed} signature`
          : `the content of ${what} is not recognised as an allowed evidence type`,
      };
    }
    if (!isUtf8Text(prefix)) return { reason: 'mismatch', message: `declared as ${type.mime} but the content is not UTF-8 text` };
  }
  if (!type.extensions.includes(extension))
    return { reason: 'mismatch', message: `a ${type.mime} file must be named .${type.extensions.join(' or .')}, not .${extension || '(no extension)'}` };
  return { mime: type.mime };
}
