import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';

export interface NewSignalSubscription {
  key: string;
  element_id: string;
  name: string;
}

export interface WaitingSignal {
  instance_id: string;
  wait_key: string;
  element_id: string;
}

/** The only code that reads and writes `process_signal_subscriptions`: the signal waits of instances. */
@Injectable()
export class SignalSubscriptionsRepository {
  closeIn(stmt: WriteStatement, instanceId: string, waitKeys: string[]): void {
    stmt.with(
      'closed_signal_subscriptions',
      `DELETE FROM process_signal_subscriptions WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(waitKeys)})`,
    );
  }

  openIn(stmt: WriteStatement, instanceId: string, subscriptions: NewSignalSubscription[], now: Date): void {
    stmt.with(
      'new_signal_subscriptions',
      `INSERT INTO process_signal_subscriptions (instance_id, wait_key, element_id, name, created_at)
       SELECT ${stmt.param(instanceId)}::uuid, w.key, w.element_id, w.name, ${stmt.param(now)}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(subscriptions))}) AS w(key text, element_id text, name text)`,
    );
  }

  /** Every wait for this signal, oldest first (a broadcast reaches them all). */
  waiting(m: EntityManager, name: string): Promise<WaitingSignal[]> {
    return sql<WaitingSignal>(
      m,
      `SELECT instance_id, wait_key, element_id FROM process_signal_subscriptions WHERE name = $1 ORDER BY created_at, instance_id, wait_key`,
      [name],
    );
  }
}
