import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { ObligationQueryDto, RegisterObligationPageDto, SystemObligationsDto } from './dto/obligation.dto.js';
import { ObligationsService } from './obligations.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller()
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('ai-systems/:id/obligations')
  @ApiOkResponse({ type: SystemObligationsDto })
  @ApiOperation({
    summary: 'EU AI Act obligations of one AI system',
    description:
      'From the eu-ai-act-obligations rules, given the organisation’s roles for the system and its risk class: each obligation with its article, the date it applies from and where that date comes from (Official Journal, or the Digital Omnibus deferral of the high-risk dates).',
  })
  forSystem(@Param('id', new ParseUUIDPipe()) id: string): Promise<SystemObligationsDto> {
    return this.obligations.forSystem(id);
  }

  @Get('obligations')
  @ApiOkResponse({ type: RegisterObligationPageDto })
  @ApiOperation({
    summary: 'Obligations calendar across the register',
    description: 'Every obligation of every AI system not retired, earliest first. Filter by appliesFrom (on or after), appliesBefore, systemId, role, source.',
  })
  register(@Query() query: ObligationQueryDto): Promise<RegisterObligationPageDto> {
    return this.obligations.register(query);
  }
}
