import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/roles.js';
import { Database } from '../../database/database.js';
import { type MessageResultDto, toMessageResultDto } from '../dto/message-result.dto.js';
import type { MessageDto } from '../dto/processes.dto.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';
import { SubjectTypes } from '../subjects/subject-types.js';

@Injectable()
export class MessagesService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
    private readonly subjectTypes: SubjectTypes,
  ) {}

  /**
   * One transaction: the de-duplication row commits with every delivery it made. A subject named
   * for the instances the message starts is checked like one named at POST /process-instances.
   */
  async deliver(dto: MessageDto, actor: Actor): Promise<MessageResultDto> {
    return toMessageResultDto(
      await this.db.transaction(async (m) => {
        const subjectProblem = dto.subject && (await this.subjectTypes.problem(m, dto.subject));
        if (subjectProblem) throw new ProcessError(ProcessErrorCode.InvalidSubject, `The subject ${subjectProblem.message}`, [subjectProblem]);
        return this.engine.deliverMessage(m, dto, actor);
      }),
    );
  }
}
