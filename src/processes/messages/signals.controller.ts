import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../../auth/auth.decorators.js';
import type { Actor, Role } from '../../auth/roles.js';
import { SignalResultDto } from '../dto/message-result.dto.js';
import { SignalDto } from '../dto/processes.dto.js';
import { MessagesService } from './messages.service.js';

/** A signal reaches every waiting instance at once: only integrations and governance send one. */
const SIGNAL_SENDERS: Role[] = ['governance', 'integration'];

@ApiTags('processes')
@BearerAuth()
@Controller('signals')
export class SignalsController {
  constructor(private readonly messages: MessagesService) {}

  @Post()
  @HttpCode(200)
  @RequireRoles(...SIGNAL_SENDERS)
  @ApiOkResponse({
    type: SignalResultDto,
    description: 'Every instance it reached (`deliveries`) and every instance it started (`started`); both may be empty.',
  })
  @ApiOperation({
    summary: 'Broadcast a signal',
    description:
      'Delivered to **every** instance waiting for a signal of this name (intermediate signal catch events, signal boundary events) and starts every definition with a signal start event of this name, in one transaction. Signals have no correlation key and are not buffered: one nobody waits for is gone. Announced to webhooks as `signal.broadcast`.',
  })
  broadcast(@Body() dto: SignalDto, @CurrentActor() actor: Actor): Promise<SignalResultDto> {
    return this.messages.broadcast(dto, actor);
  }
}
