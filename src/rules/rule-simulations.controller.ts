import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, RequireRoles } from '../auth/auth.decorators.js';
import { RuleSimulationDto, RuleSimulationPageDto, RuleSimulationQueryDto } from './dto/rule-simulation.dto.js';
import { SimulationService } from './simulation.service.js';

/** Simulations of candidate versions against every registered AI system (queued by `POST /rule-sets/{key}/versions/{version}/simulate`). */
@ApiTags('rules')
@BearerAuth()
@Controller('rule-simulations')
export class RuleSimulationsController {
  constructor(private readonly simulation: SimulationService) {}

  @Get()
  @RequireRoles('governance', 'auditor', 'compliance-officer')
  @ApiOkResponse({ type: RuleSimulationPageDto })
  @ApiOperation({ summary: 'List simulations against every system', description: 'Newest first, with status and progress; GET one for its result.' })
  list(@Query() query: RuleSimulationQueryDto): Promise<RuleSimulationPageDto> {
    return this.simulation.list(query);
  }

  @Get(':id')
  @RequireRoles('governance', 'auditor', 'compliance-officer')
  @ApiOkResponse({ type: RuleSimulationDto })
  @ApiOperation({
    summary: 'A simulation against every system',
    description: 'Status and progress while it is pending or running; the result (which outcomes would change, before and after) once completed.',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RuleSimulationDto> {
    return this.simulation.get(id);
  }
}
