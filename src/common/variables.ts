/** A variable as a string, or undefined when absent. */
export function str(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

export function list<T = string>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : value === undefined || value === null ? [] : [value as T];
}
