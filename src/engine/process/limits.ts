/**
 * Bounds on what one definition or one step may ask of the engine, so a crafted definition cannot
 * stall the service (issue "Hostile input"). The app sets them from its configuration at start-up.
 */
export interface EngineLimits {
  /** Flow nodes and sequence flows of one definition. */
  maxElements: number;
  /** Outgoing flows of one element (the branches of a fork, the choices of a gateway). */
  maxForkWidth: number;
  /** Parallel forks (and reminder paths) inside each other. */
  maxNesting: number;
  /** Items of one multi-instance activity. */
  maxMultiInstanceItems: number;
  /** Shortest period of a timer cycle. */
  minCyclePeriodMs: number;
}

/**
 * Executable processes one file may hold. Each is stored as a definition with the whole file, so without a bound one
 * body of 1 MiB of empty processes would store gigabytes; real collaborations have a few executable pools.
 */
export const MAX_PROCESSES_PER_FILE = 20;

export const DEFAULT_LIMITS: EngineLimits = {
  maxElements: 1000,
  maxForkWidth: 100,
  maxNesting: 20,
  maxMultiInstanceItems: 500,
  minCyclePeriodMs: 60_000,
};

let current = DEFAULT_LIMITS;

export function configureEngineLimits(limits: Partial<EngineLimits>): void {
  current = { ...DEFAULT_LIMITS, ...limits };
}

export function engineLimits(): EngineLimits {
  return current;
}
