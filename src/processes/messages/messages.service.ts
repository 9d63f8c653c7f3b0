import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/roles.js';
import { Database } from '../../database/database.js';
import { type MessageResultDto, toMessageResultDto } from '../dto/message-result.dto.js';
import type { MessageDto } from '../dto/processes.dto.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';

@Injectable()
export class MessagesService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
  ) {}

  /** One transaction: the de-duplication row commits with every delivery it made. */
  async deliver(dto: MessageDto, actor: Actor): Promise<MessageResultDto> {
    return toMessageResultDto(await this.db.transaction((m) => this.engine.deliverMessage(m, dto, actor)));
  }
}
