import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum EvidenceErrorCode {
  NotFound = 'evidence-not-found',
  InvalidUpload = 'invalid-upload',
  MissingFile = 'missing-file',
  SeveralFiles = 'several-files',
  TruncatedUpload = 'truncated-upload',
  EmptyFile = 'empty-file',
  InvalidReferences = 'invalid-references',
  TooLarge = 'evidence-too-large',
  QuotaExceeded = 'evidence-quota-exceeded',
  TypeNotAllowed = 'evidence-type-not-allowed',
  TypeMismatch = 'evidence-type-mismatch',
  AlreadySuperseded = 'evidence-already-superseded',
  RangeNotSatisfiable = 'range-not-satisfiable',
  UploadsBusy = 'evidence-uploads-busy',
}

const KIND: Record<EvidenceErrorCode, ErrorKind> = {
  [EvidenceErrorCode.NotFound]: ErrorKind.NotFound,
  [EvidenceErrorCode.InvalidUpload]: ErrorKind.InvalidInput,
  [EvidenceErrorCode.MissingFile]: ErrorKind.InvalidInput,
  [EvidenceErrorCode.SeveralFiles]: ErrorKind.InvalidInput,
  [EvidenceErrorCode.TruncatedUpload]: ErrorKind.InvalidInput,
  [EvidenceErrorCode.EmptyFile]: ErrorKind.InvalidInput,
  [EvidenceErrorCode.InvalidReferences]: ErrorKind.InvalidInput,
  [EvidenceErrorCode.TooLarge]: ErrorKind.PayloadTooLarge,
  [EvidenceErrorCode.QuotaExceeded]: ErrorKind.PayloadTooLarge,
  [EvidenceErrorCode.TypeNotAllowed]: ErrorKind.UnsupportedMediaType,
  [EvidenceErrorCode.TypeMismatch]: ErrorKind.UnsupportedMediaType,
  [EvidenceErrorCode.AlreadySuperseded]: ErrorKind.Conflict,
  [EvidenceErrorCode.RangeNotSatisfiable]: ErrorKind.RangeNotSatisfiable,
  [EvidenceErrorCode.UploadsBusy]: ErrorKind.Unavailable,
};

export class EvidenceError extends moduleError<EvidenceErrorCode>(KIND) {}
