import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/roles.js';
import { Database } from '../../database/database.js';
import type { MessageDto } from '../dto/processes.dto.js';
import type { MessageResult } from '../runtime/message-correlation.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';

@Injectable()
export class MessagesService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
  ) {}

  /** One transaction: the de-duplication row commits with every delivery it made. */
  deliver(dto: MessageDto, actor: Actor): Promise<MessageResult> {
    return this.db.transaction((m) => this.engine.deliverMessage(m, dto, actor));
  }
}
