import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../../auth/auth.decorators.js';
import type { Actor } from '../../auth/roles.js';
import { MessageResultDto } from '../dto/message-result.dto.js';
import { MessageDto } from '../dto/processes.dto.js';
import { PROCESS_WRITERS } from '../instances/instances.controller.js';
import { MessagesService } from './messages.service.js';

@ApiTags('processes')
@BearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post()
  @HttpCode(200)
  @RequireRoles(...PROCESS_WRITERS)
  @ApiOkResponse({
    type: MessageResultDto,
    description: 'Where it went: `deliveries` (delivered, or retrying when the step failed) and `started` instances; `duplicate` for a repeated messageId.',
  })
  @ApiNotFoundResponse({ description: 'No instance waits for the message (name + correlation key) and no process starts on it; nothing is stored.' })
  @ApiOperation({
    summary: 'Correlate a message',
    description:
      'Delivered to every instance waiting for this name with this correlation key, and starts every definition with a message start event of this name. A repeated `messageId` has no second effect and returns the first result.',
  })
  deliver(@Body() dto: MessageDto, @CurrentActor() actor: Actor): Promise<MessageResultDto> {
    return this.messages.deliver(dto, actor);
  }
}
