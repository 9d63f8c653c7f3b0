import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import type { MessageDto } from '../dto/processes.dto.js';
import { type MessageResult, ProcessEngineService } from '../runtime/process-engine.service.js';

@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ProcessEngineService,
  ) {}

  /** One transaction: the de-duplication row commits with every delivery it made. */
  deliver(dto: MessageDto, actor: Actor): Promise<MessageResult> {
    return this.dataSource.transaction((m) => this.engine.deliverMessage(m, dto, actor));
  }
}
