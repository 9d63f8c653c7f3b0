import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ErrorKind, RequestError } from '../common/domain-error.js';
import { EvidenceError, EvidenceErrorCode } from './evidence.errors.js';

/** The form field that carries the file. */
export const FILE_FIELD = 'file';

export interface MultipartLimits {
  /** Largest file; past it the upload fails with 413 naming `setting`. */
  maxFileBytes: number;
  /** The setting that holds maxFileBytes, named in the 413. */
  setting: string;
  maxFields: number;
  maxFieldBytes: number;
}

export interface FilePart {
  stream: Readable;
  fileName: string;
  declaredType: string;
}

export interface Multipart<T> {
  /** Every text field, in the order sent (a field sent twice has two values). */
  fields: Map<string, string[]>;
  /** What `onFile` made of the one file part. */
  file: T;
}

/** Room for the fields and part headers around the file, on top of the file limit, before Content-Length alone refuses a request. */
const ENVELOPE_BYTES = 1024 * 1024;

function tooLarge(limits: MultipartLimits): EvidenceError {
  return new EvidenceError(
    EvidenceErrorCode.TooLarge,
    `The file is larger than the limit of ${limits.maxFileBytes} bytes (${limits.setting})`,
    [{ pointer: `/${FILE_FIELD}`, message: `must be at most ${limits.maxFileBytes} bytes` }],
    { limit: limits.setting, limitBytes: limits.maxFileBytes },
  );
}

/** Reads and discards what is left of the request, so that the answer follows the whole request (a client still sending would see a reset). */
export function discardRest(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('end', resolve).once('close', resolve).once('error', resolve);
    req.resume();
  });
}

/**
 * Streams a multipart/form-data request through busboy: text fields are collected, the one file
 * part (field `file`) is handed to `onFile` as a stream while it arrives — never held whole in
 * memory. A second file part, a missing one, an oversized file or field, too many fields, or a
 * request that ends before its closing boundary is refused; then `onFile`'s work is stopped and
 * awaited, and the rest of the request read, before the promise rejects (the caller's
 * transaction then rolls back: nothing stored).
 */
export function readMultipart<T>(req: IncomingMessage, limits: MultipartLimits, onFile: (part: FilePart) => Promise<T>): Promise<Multipart<T>> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string[]>();
    let file: Readable | undefined;
    let stored: Promise<T> | undefined;
    let failure: unknown;
    let parser: busboy.Busboy;
    const fail = (error: unknown) => {
      if (failure) return;
      failure = error;
      req.unpipe(parser);
      file?.destroy();
      void Promise.resolve(stored)
        .catch(() => undefined)
        .then(() => discardRest(req))
        .then(() => reject(error));
    };
    const invalid = (message: string, pointer: string, detail: string) =>
      new EvidenceError(EvidenceErrorCode.InvalidUpload, message, [{ pointer, message: detail }]);
    if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? ''))
      return void discardRest(req).then(() =>
        reject(
          new RequestError(ErrorKind.UnsupportedMediaType, 'unsupported-media-type', 'Evidence is uploaded as multipart/form-data', [
            { pointer: '', message: 'Content-Type must be multipart/form-data' },
          ]),
        ),
      );
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as raw UTF-8 (HTML's form encoding), not Latin-1.
        defParamCharset: 'utf8',
        // busboy cuts a file when it reaches fileSize: one byte more lets a file of exactly the limit through.
        limits: { fileSize: limits.maxFileBytes + 1, files: 1, fields: limits.maxFields, fieldSize: limits.maxFieldBytes, parts: limits.maxFields + 1 },
      });
    } catch (error) {
      return void discardRest(req).then(() =>
        reject(invalid('The multipart/form-data body cannot be read', '', error instanceof Error ? error.message : String(error))),
      );
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxFileBytes + ENVELOPE_BYTES) return void discardRest(req).then(() => reject(tooLarge(limits)));
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(invalid(`The field ${name} is too long`, `/${name}`, `must be at most ${limits.maxFieldBytes} bytes`));
      fields.set(name, [...(fields.get(name) ?? []), value]);
    });
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        stream.resume();
        return fail(invalid(`The file part is named ${name}`, `/${name}`, `the file goes in the part named "${FILE_FIELD}"`));
      }
      file = stream;
      stream.once('limit', () => fail(tooLarge(limits)));
      stored = onFile({ stream, fileName: info.filename ?? '', declaredType: info.mimeType ?? '' });
      stored.catch(fail);
    });
    parser.on('filesLimit', () =>
      fail(
        new EvidenceError(EvidenceErrorCode.SeveralFiles, 'The upload has several file parts; send one file per evidence item', [
          { pointer: `/${FILE_FIELD}`, message: 'only one file part' },
        ]),
      ),
    );
    const tooMany = () => fail(invalid('The upload has too many fields', '', `at most ${limits.maxFields} fields`));
    parser.on('fieldsLimit', tooMany);
    parser.on('partsLimit', tooMany);
    const truncated = (why: string) =>
      fail(new EvidenceError(EvidenceErrorCode.TruncatedUpload, `The upload ended early (${why}); nothing was stored`, [{ pointer: '', message: why }]));
    // busboy says "Unexpected end of form" when the body stops before the closing boundary; anything else is a malformed body.
    parser.on('error', (error: Error) =>
      /unexpected end/i.test(error.message) ? truncated(error.message) : fail(invalid('The multipart body is malformed', '', error.message)),
    );
    req.on('close', () => {
      if (!req.complete) truncated('the connection closed before the request was complete');
    });
    parser.on('close', () => {
      if (failure) return;
      if (!stored)
        return fail(
          new EvidenceError(EvidenceErrorCode.MissingFile, `The upload has no file part; send the file as the form field "${FILE_FIELD}"`, [
            { pointer: `/${FILE_FIELD}`, message: 'is required' },
          ]),
        );
      stored.then((result) => {
        if (!failure) resolve({ fields, file: result });
      }, fail);
    });
    req.pipe(parser);
  });
}
