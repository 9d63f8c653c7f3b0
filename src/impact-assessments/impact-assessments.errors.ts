import { DomainError, ErrorKind } from '../common/domain-error.js';

export enum ImpactAssessmentErrorCode {
  NotFound = 'impact-assessment-not-found',
}

export class ImpactAssessmentError extends DomainError {
  readonly kind = ErrorKind.NotFound;
  constructor(code: ImpactAssessmentErrorCode, message: string) {
    super(code, message);
  }
}
