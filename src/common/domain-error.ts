/** One field, rule or BPMN element at fault, as an RFC 6901 JSON pointer into the request. */
export interface ProblemFieldError {
  pointer: string;
  message: string;
}

/** The HTTP meaning of a domain error; the exception filter is the only place that maps it to a status. */
export enum ErrorKind {
  InvalidInput = 'invalid-input',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  Conflict = 'conflict',
  /** A write without If-Match (or `version`) on a resource that has an ETag. */
  PreconditionRequired = 'precondition-required',
  Unprocessable = 'unprocessable',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  /** None of the representations the client may ask for is one the resource has. */
  NotAcceptable = 'not-acceptable',
  /** The resource existed and is gone for good (an expired download). */
  Gone = 'gone',
  /** A Range request past the end of the representation. */
  RangeNotSatisfiable = 'range-not-satisfiable',
  /** The service cannot take this now (a capacity bound, not the database); retry after Retry-After. */
  Unavailable = 'unavailable',
}

/**
 * Base of every module's typed error. Each module defines its own subclass with a code enum;
 * services throw these and never HTTP exceptions.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly errors: ProblemFieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The error class of a module: its codes and what each means in HTTP terms, e.g.
 * `export class TaskError extends moduleError<TaskErrorCode>(KIND) {}`.
 */
export function moduleError<C extends string>(kinds: Record<C, ErrorKind>) {
  return class extends DomainError {
    readonly kind: ErrorKind;
    constructor(code: C, message: string, errors: ProblemFieldError[] = [], extensions: Record<string, unknown> = {}) {
      super(code, message, errors, extensions);
      this.kind = kinds[code];
    }
  };
}

/** Errors of the HTTP plumbing itself (bad JSON, unknown fields) that belong to no feature module. */
export class RequestError extends DomainError {
  constructor(
    readonly kind: ErrorKind,
    code: string,
    message: string,
    errors: ProblemFieldError[] = [],
  ) {
    super(code, message, errors);
  }
}
