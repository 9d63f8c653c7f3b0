import type { AppConfig } from '../config/app-config.js';

type Settings = Pick<
  AppConfig,
  | 'auditSealIntervalMs'
  | 'clock'
  | 'timerPollIntervalMs'
  | 'modelEventPollIntervalMs'
  | 'webhookPollIntervalMs'
  | 'idempotencySweepIntervalMs'
  | 'simulationPollIntervalMs'
  | 'notifyPollIntervalMs'
  | 'auditPackPollIntervalMs'
  | 'sessionSweepIntervalMs'
>;

/** Every background worker of the service, with the setting that says how often it runs (0: off). */
export const WORKER_INTERVALS = {
  /** Seals committed audit events into the hash chain. */
  'audit-sealer': (config: Settings) => config.auditSealIntervalMs,
  /** Fires due timers and retries failed timer and message steps; time moves only by POST /clock/advance with a manual clock. */
  'process-jobs': (config: Settings) => (config.clock === 'manual' ? 0 : config.timerPollIntervalMs),
  /** Records a model event's new version on every system that uses the model. */
  'model-events': (config: Settings) => config.modelEventPollIntervalMs,
  /** Posts due webhook deliveries. */
  'webhook-delivery': (config: Settings) => config.webhookPollIntervalMs,
  /** Removes idempotency keys past their retention. */
  'idempotency-sweep': (config: Settings) => config.idempotencySweepIntervalMs,
  /** Runs queued rule-set simulations against every registered AI system, one at a time per replica. */
  'rule-simulations': (config: Settings) => config.simulationPollIntervalMs,
  /** Announces open tasks that come due or pass their due time (task.due-soon, task.overdue). */
  'task-deadlines': (config: Settings) => config.notifyPollIntervalMs,
  /** Reads task events from the outbox and fans them out into notifications and deliveries. */
  'notification-fanout': (config: Settings) => config.notifyPollIntervalMs,
  /** Announces current evidence that comes within its expiry notice or passes its valid-until (evidence.expiring, evidence.expired). */
  'evidence-expiry': (config: Settings) => config.notifyPollIntervalMs,
  /** Sends due e-mail and chat notifications, and the daily digest at its hour. */
  'notification-delivery': (config: Settings) => config.notifyPollIntervalMs,
  /** Removes console sessions that ended (expired or idle) and sign-ins never completed. */
  'session-sweep': (config: Settings) => config.sessionSweepIntervalMs,
  /** Builds requested audit packs, one at a time per replica; expires packs past their retention. */
  'audit-packs': (config: Settings) => config.auditPackPollIntervalMs,
} satisfies Record<string, (config: Settings) => number>;

export type WorkerName = keyof typeof WORKER_INTERVALS;

/**
 * Work the service does by itself, in passes. A pass claims what is due (work shared by replicas is
 * claimed with `FOR UPDATE SKIP LOCKED` or an advisory lock, so each item is done once), does it,
 * and resolves with how many items it handled. It stops early, between items, once `signal` aborts
 * (the service is stopping); what it had not done is due again in the next pass, here or elsewhere.
 */
export interface BackgroundWorker {
  readonly name: WorkerName;
  runOnce(signal: AbortSignal): Promise<number>;
}
