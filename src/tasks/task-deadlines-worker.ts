import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { WriteStatement } from '../database/write-statement.js';
import { type OutboxEvent, OutboxService } from '../webhooks/outbox.service.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { type DeadlineTask, TasksRepository } from './repositories/tasks.repository.js';

const BATCH = 200;

/**
 * Announces open tasks that come due (`task.due-soon`) or pass their due time (`task.overdue`),
 * once each: the mark on the task row and the outbox event commit together.
 */
@Injectable()
export class TaskDeadlinesWorker implements OnModuleInit, BackgroundWorker {
  readonly name = 'task-deadlines';
  private readonly dueSoonMs: number;

  constructor(
    private readonly db: Database,
    private readonly tasks: TasksRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.dueSoonMs = config.get('notifyDueSoonHours', { infer: true }) * 3_600_000;
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  async runOnce(signal?: AbortSignal): Promise<number> {
    let announced = 0;
    // Overdue first: a task found already overdue is not also announced as due soon.
    for (const which of ['overdue', 'due-soon'] as const) {
      while (!signal?.aborted) {
        const now = this.clock.now();
        const batch = await this.db.transaction(async (m) => {
          const due = await this.tasks.announceDeadlines(m, which, now, new Date(now.getTime() + this.dueSoonMs), BATCH);
          const stmt = new WriteStatement();
          this.outbox.publishIn(
            stmt,
            due.map((task) => announcement(which, task)),
          );
          if (due.length) await stmt.run(m);
          return due.length;
        });
        announced += batch;
        if (batch < BATCH) break;
      }
    }
    return announced;
  }
}

function announcement(which: 'overdue' | 'due-soon', task: DeadlineTask): OutboxEvent {
  return {
    type: which === 'overdue' ? 'task.overdue' : 'task.due-soon',
    subject: { type: 'task', id: task.id },
    data: {
      id: task.id,
      name: task.name,
      dueAt: new Date(task.dueAt).toISOString(),
      assignee: task.assignee,
      candidateRoles: task.candidateRoles,
      instanceId: task.instanceId,
      subject: { type: task.subjectType, id: task.subjectId },
    },
  };
}
