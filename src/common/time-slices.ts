/** What a long computation may run for before it lets the event loop answer other work. */
export const DEFAULT_SLICE_MS = 10;

/**
 * Cooperative time slicing for CPU-bound loops on the event loop (promises alone never yield to
 * I/O): call `yieldIfDue()` between units of work; once a slice of work has run since the last
 * yield, it waits for `setImmediate`, so pending I/O — other requests, `/health` — is served first.
 */
export class TimeSlices {
  private sliceStart: number;

  constructor(
    private readonly sliceMs: number = DEFAULT_SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = now();
  }

  /** Resolves with whether it yielded. */
  async yieldIfDue(): Promise<boolean> {
    if (this.now() - this.sliceStart < this.sliceMs) return false;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = this.now();
    return true;
  }
}
