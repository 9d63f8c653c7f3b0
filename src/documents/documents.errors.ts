import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum DocumentsErrorCode {
  UnknownKind = 'document-kind-not-found',
  UnsupportedFormat = 'document-format-not-supported',
  MissingParameter = 'document-parameter-required',
  NoImpactAssessment = 'impact-assessment-not-found',
}

const KIND: Record<DocumentsErrorCode, ErrorKind> = {
  [DocumentsErrorCode.UnknownKind]: ErrorKind.NotFound,
  [DocumentsErrorCode.UnsupportedFormat]: ErrorKind.NotAcceptable,
  [DocumentsErrorCode.MissingParameter]: ErrorKind.InvalidInput,
  [DocumentsErrorCode.NoImpactAssessment]: ErrorKind.NotFound,
};

export class DocumentsError extends moduleError<DocumentsErrorCode>(KIND) {}
