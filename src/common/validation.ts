import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorKind, type ProblemFieldError, RequestError } from './domain-error.js';

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Flattens class-validator's error tree into JSON pointers into the request body or query. */
export function toFieldErrors(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${escapePointerToken(error.property)}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ pointer, message }));
    return [...own, ...toFieldErrors(error.children ?? [], pointer)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestError(ErrorKind.InvalidInput, 'validation-failed', 'The request has invalid fields', toFieldErrors(errors)),
  });
}
