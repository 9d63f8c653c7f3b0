import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { EngineError, EngineErrorCode } from './errors.js';

/** What one FEEL evaluation may cost; a synchronous run of the engine may spend `stepMs` on FEEL in all. */
export interface FeelLimits {
  timeMs: number;
  memoryMb: number;
  stepMs: number;
}

const DEFAULT_LIMITS: FeelLimits = { timeMs: 250, memoryMb: 64, stepMs: 1000 };
/** How long the first evaluation may wait for the worker to start (import feelin). */
const STARTUP_MS = 10_000;

/** The signal's states: waiting for a reply, a reply has been posted (1), the worker is ready. */
const IDLE = 0;
const READY = 2;

let limits = DEFAULT_LIMITS;
/** When the current synchronous engine run started spending (undefined outside one). */
let stepStarted: number | undefined;

interface Running {
  worker: Worker;
  replies: MessagePort;
  signal: Int32Array;
  ready: boolean;
}

let running: Running | undefined;

/** Sets the budget (from the app's configuration); a running worker is replaced so a new memory limit applies. */
export function configureFeel(next: Partial<FeelLimits>): void {
  limits = { ...DEFAULT_LIMITS, ...next };
  stopFeelSandbox();
}

export function feelLimits(): FeelLimits {
  return limits;
}

/** Starts the worker ahead of the first long evaluation (it takes a moment to load). */
export function warmUpFeelSandbox(): void {
  running ??= start();
}

export function stopFeelSandbox(): void {
  void running?.worker.terminate();
  running = undefined;
}

/**
 * Runs `work` (a synchronous engine transition) as one step for the FEEL budget: the time its
 * evaluations took is counted together, and an evaluation that starts past `stepMs` fails.
 */
export function withinFeelStep<T>(work: () => T): T {
  const outer = stepStarted;
  stepStarted ??= performance.now();
  try {
    return work();
  } finally {
    stepStarted = outer;
  }
}

/** Fails the evaluation when the running step has spent its FEEL budget. */
export function checkStepBudget(expression: string, elementId?: string): void {
  if (stepStarted !== undefined && performance.now() - stepStarted > limits.stepMs) throw budgetError(expression, `${limits.stepMs} ms per step`, elementId);
}

/**
 * Evaluates FEEL in the worker and waits for the reply synchronously (the engine's transitions are
 * synchronous), at most `timeMs`: past it, or when the worker ran out of memory, the worker is
 * terminated (a new one starts for the next evaluation) and the evaluation fails naming the element.
 */
export function evaluateInSandbox(expression: string, variables: Record<string, unknown>, elementId?: string): unknown {
  checkStepBudget(expression, elementId);
  running ??= start();
  const current = running;
  if (!current.ready) awaitReady(current);
  Atomics.store(current.signal, 0, IDLE);
  current.worker.postMessage({ expression, variables });
  const waited = Atomics.wait(current.signal, 0, IDLE, limits.timeMs);
  const reply = receiveMessageOnPort(current.replies)?.message as { value?: unknown; error?: string } | undefined;
  if (waited === 'timed-out' || !reply) {
    stopFeelSandbox();
    throw budgetError(expression, `${limits.timeMs} ms and ${limits.memoryMb} MB`, elementId);
  }
  if (reply.error !== undefined) throw new Error(reply.error);
  return reply.value;
}

function start(): Running {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./feel-worker.mjs', import.meta.url), {
    workerData: { signal: signal.buffer, replies: port2 },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.floor(limits.memoryMb / 4)), stackSizeMb: 4 },
  });
  worker.unref();
  port1.unref();
  // A worker that ran out of memory exits; the evaluation waiting for it fails on its time budget.
  worker.on('error', () => undefined);
  return { worker, replies: port1, signal, ready: false };
}

function awaitReady(current: Running): void {
  if (Atomics.load(current.signal, 0) !== READY) Atomics.wait(current.signal, 0, IDLE, STARTUP_MS);
  if (Atomics.load(current.signal, 0) !== READY) {
    stopFeelSandbox();
    throw new Error('the FEEL sandbox did not start');
  }
  current.ready = true;
}

function budgetError(expression: string, budget: string, elementId?: string): EngineError {
  const shown = expression.length > 120 ? `${expression.slice(0, 117)}...` : expression;
  return new EngineError(
    EngineErrorCode.FeelBudgetExceeded,
    `FEEL expression "${shown}" exceeded its budget (${budget})${elementId ? ` at ${elementId}` : ''}`,
    elementId,
  );
}
