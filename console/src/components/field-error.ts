import { ProblemError } from '../api/client';

/** The service's message for the field at `pointer` (or a value inside it) when a refused request named it. */
export function fieldError(error: unknown, pointer: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  return error.problem.errors?.find((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))?.message;
}
