import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum ManagementReviewErrorCode {
  NotFound = 'management-review-input-not-found',
}

const KIND: Record<ManagementReviewErrorCode, ErrorKind> = {
  [ManagementReviewErrorCode.NotFound]: ErrorKind.NotFound,
};

export class ManagementReviewError extends moduleError<ManagementReviewErrorCode>(KIND) {}
