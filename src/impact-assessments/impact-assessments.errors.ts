import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum ImpactAssessmentErrorCode {
  NotFound = 'impact-assessment-not-found',
}

const KIND: Record<ImpactAssessmentErrorCode, ErrorKind> = {
  [ImpactAssessmentErrorCode.NotFound]: ErrorKind.NotFound,
};

export class ImpactAssessmentError extends moduleError<ImpactAssessmentErrorCode>(KIND) {}
