import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { RiskDetailDto, RiskPageDto } from './dto/risk.dto.js';
import { RiskQueryDto } from './dto/risk-query.dto.js';
import { RisksService } from './risks.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('risks')
export class RisksController {
  constructor(private readonly risks: RisksService) {}

  @Get()
  @ApiOkResponse({ type: RiskPageDto })
  @ApiOperation({ summary: 'AI risk register', description: 'Filter by system, rating, treatment, status.' })
  list(@Query() query: RiskQueryDto): Promise<RiskPageDto> {
    return this.risks.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RiskDetailDto })
  @ApiOperation({ summary: 'One risk with its full history', description: 'Every change (audit trail) and every step of its risk-treatment process.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RiskDetailDto> {
    return this.risks.get(id);
  }
}
