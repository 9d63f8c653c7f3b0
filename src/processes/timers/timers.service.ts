import { Injectable } from '@nestjs/common';
import { type Page, page } from '../../common/pagination.js';
import { Database } from '../../database/database.js';
import type { ParsedElement } from '../../engine/process/index.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import type { PendingTimerDto, PendingTimerQueryDto, TimerKind } from '../dto/timer.dto.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';

/** Timers instances wait for, across instances: what the dashboard's timeline shows. */
@Injectable()
export class TimersService {
  constructor(
    private readonly db: Database,
    private readonly jobs: ProcessJobsRepository,
    private readonly definitions: DefinitionCache,
  ) {}

  async pending(query: PendingTimerQueryDto): Promise<Page<PendingTimerDto>> {
    const m = this.db.manager;
    const [rows, total] = await this.jobs.pendingTimers(m, {
      limit: query.limit,
      offset: query.offset,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      dueAfter: query.dueAfter ? new Date(query.dueAfter) : undefined,
      definitionKey: query.definitionKey,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
    });
    const items: PendingTimerDto[] = [];
    for (const row of rows) {
      // Names and kinds live in the definition; its compiled form is cached by version.
      const element = (await this.definitions.get(m, row.definitionId)).elements[row.elementId];
      items.push({
        id: row.id,
        instanceId: row.instanceId,
        definitionKey: row.definitionKey,
        definitionVersion: row.definitionVersion,
        elementId: row.elementId,
        elementName: element?.name ?? null,
        ...timerShape(element),
        dueAt: row.dueAt,
        status: row.status === 'failed' ? 'failed' : 'pending',
        subject: { type: row.subjectType, id: row.subjectId },
      });
    }
    return page(items, total, query);
  }
}

function timerShape(element: ParsedElement | undefined): { kind: TimerKind; attachedTo: string | null; interrupting: boolean } {
  if (element?.kind === 'boundaryTimer') return { kind: 'boundary-timer', attachedTo: element.attachedTo, interrupting: element.interrupting };
  if (element?.kind === 'startEvent') return { kind: 'event-sub-process-start', attachedTo: null, interrupting: element.interrupting !== false };
  return { kind: 'timer-catch', attachedTo: null, interrupting: false };
}
