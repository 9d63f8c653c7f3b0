import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../../auth/auth.decorators.js';
import { PendingTimerPageDto, PendingTimerQueryDto } from '../dto/timer.dto.js';
import { TimersService } from './timers.service.js';

@ApiTags('processes')
@BearerAuth()
@Controller('process-timers')
export class TimersController {
  constructor(private readonly timers: TimersService) {}

  @Get()
  @ApiOkResponse({ type: PendingTimerPageDto })
  @ApiOperation({
    summary: 'List pending timers across instances',
    description:
      'Timers not yet fired (periodic reviews, surveillance audits, effectiveness reviews, reminders), earliest due first, with the element name from the definition; filter by due time, definition key or subject.',
  })
  list(@Query() query: PendingTimerQueryDto): Promise<PendingTimerPageDto> {
    return this.timers.pending(query);
  }
}
