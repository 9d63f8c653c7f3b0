/** The service's notion of "now". Injected everywhere time matters so tests can move it. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Time that stands still until it is moved (AIMSFLOW_CLOCK=manual): demos and acceptance tests
 * move it with POST /clock/advance. It starts where it stood when the service stopped (or at the
 * real time of the first start) and every move is saved, so a restart never takes it back.
 */
export class ManualClock extends Clock {
  private current: Date;

  constructor(
    start: Date = new Date(),
    private readonly persist: (at: Date) => Promise<void> = async () => undefined,
  ) {
    super();
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Moves to `to`, never backwards (nothing the service has written may lie in its future), and saves the time. */
  async moveTo(to: Date): Promise<void> {
    if (to.getTime() > this.current.getTime()) this.current = new Date(to.getTime());
    await this.persist(this.current);
  }
}
