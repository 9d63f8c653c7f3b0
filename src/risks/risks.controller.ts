import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { RiskQueryDto } from './dto/risk-query.dto.js';
import { RisksService } from './risks.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('risks')
export class RisksController {
  constructor(private readonly risks: RisksService) {}

  @Get()
  @ApiOperation({ summary: 'AI risk register', description: 'Filter by system, rating, treatment, status.' })
  list(@Query() query: RiskQueryDto) {
    return this.risks.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One risk with its full history', description: 'Every change (audit trail) and every step of its risk-treatment process.' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.risks.get(id);
  }
}
