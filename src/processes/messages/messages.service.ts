import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { Database } from '../../database/database.js';
import { addDuration, parseDuration } from '../../engine/process/index.js';
import { type MessageResultDto, type SignalResultDto, toMessageResultDto, toSignalResultDto } from '../dto/message-result.dto.js';
import type { MessageDto, SignalDto, SubjectDto } from '../dto/processes.dto.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';
import { SubjectTypes } from '../subjects/subject-types.js';
import type { EntityManager } from 'typeorm';

@Injectable()
export class MessagesService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
    private readonly subjectTypes: SubjectTypes,
    private readonly clock: Clock,
  ) {}

  /**
   * One transaction: the de-duplication row commits with every delivery it made. A subject named
   * for the instances the message starts is checked like one named at POST /process-instances.
   */
  async deliver(dto: MessageDto, actor: Actor): Promise<MessageResultDto> {
    const timeToLiveMs = this.timeToLiveMs(dto.timeToLive);
    return toMessageResultDto(
      await this.db.transaction(async (m) => {
        await this.checkSubject(m, dto.subject);
        const { timeToLive: _ttl, ...message } = dto;
        return this.engine.deliverMessage(m, { ...message, timeToLiveMs }, actor);
      }),
    );
  }

  /** One transaction: every waiting instance gets the signal and every definition with a signal start event of its name starts. */
  async broadcast(dto: SignalDto, actor: Actor): Promise<SignalResultDto> {
    return toSignalResultDto(
      await this.db.transaction(async (m) => {
        await this.checkSubject(m, dto.subject);
        return this.engine.broadcastSignal(m, dto, actor);
      }),
    );
  }

  private async checkSubject(m: EntityManager, subject: SubjectDto | undefined): Promise<void> {
    const problem = subject && (await this.subjectTypes.problem(m, subject));
    if (problem) throw new ProcessError(ProcessErrorCode.InvalidSubject, `The subject ${problem.message}`, [problem]);
  }

  /** Zeebe takes milliseconds; an ISO 8601 duration is counted from now (a month is a calendar month). */
  private timeToLiveMs(ttl: string | number | undefined): number {
    if (ttl === undefined) return 0;
    if (typeof ttl === 'number' && Number.isSafeInteger(ttl) && ttl >= 0) return ttl;
    const duration = typeof ttl === 'string' ? parseDuration(ttl) : undefined;
    if (!duration) {
      throw new ProcessError(ProcessErrorCode.InvalidDuration, `timeToLive ${JSON.stringify(ttl)} is neither an ISO 8601 duration nor milliseconds`, [
        { pointer: '/timeToLive', message: 'must be an ISO 8601 duration such as PT1H or P7D, or a non-negative whole number of milliseconds' },
      ]);
    }
    const now = this.clock.now();
    return addDuration(now, duration).getTime() - now.getTime();
  }
}
