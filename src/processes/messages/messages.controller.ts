import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
    description:
      'Where it went: `status` (`correlated` or `buffered`), `deliveries` (delivered, or retrying when the step failed) and `started` instances; `duplicate` for a repeated messageId.',
  })
  @ApiNotFoundResponse({
    description: 'No instance waits for the message (name + correlation key), no process starts on it and it has no timeToLive; nothing is stored.',
  })
  @ApiConflictResponse({ description: '`message-id-conflict`: the messageId was used before for a message with other content (the problem names it).' })
  @ApiBadRequestResponse({
    description: 'Invalid body, e.g. a timeToLive that is neither an ISO 8601 duration nor milliseconds (`invalid-duration`, pointer `/timeToLive`).',
  })
  @ApiOperation({
    summary: 'Correlate a message',
    description:
      'Delivered to every instance waiting for this name with this correlation key, and starts every definition with a message start event of this name. With a `timeToLive`, a message nobody waits for is buffered until it expires and taken by the first catch event that subscribes later with the same name and key (once, also when several subscribe at the same time). A repeated `messageId` with the same content has no second effect and returns the first result; with other content it is a 409.',
  })
  deliver(@Body() dto: MessageDto, @CurrentActor() actor: Actor): Promise<MessageResultDto> {
    return this.messages.deliver(dto, actor);
  }
}
