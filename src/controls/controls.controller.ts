import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { CsvWhenAccepted } from '../common/csv.interceptor.js';
import { ControlsService, soaToCsv } from './controls.service.js';
import { ControlQueryDto, SetImplementationDto } from './dto/controls.dto.js';

@ApiTags('controls')
@BearerAuth()
@Controller()
export class ControlsController {
  constructor(private readonly controls: ControlsService) {}

  @Get('controls')
  @ApiOperation({ summary: 'The ISO/IEC 42001 catalogue', description: 'Clauses and the 38 Annex A controls with their indicative EU AI Act mapping.' })
  list(@Query() query: ControlQueryDto) {
    return this.controls.list(query.group);
  }

  @Get('controls/:id')
  @ApiOperation({ summary: 'One Annex A control' })
  get(@Param('id') id: string) {
    return this.controls.get(id);
  }

  @Get('ai-systems/:id/controls')
  @ApiOperation({ summary: 'Controls an AI system needs', description: 'From the active required-controls rules: each control with the rules that require it, their justification and basis.' })
  forSystem(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.controls.forSystem(id);
  }

  @Get('statement-of-applicability')
  @UseInterceptors(CsvWhenAccepted(soaToCsv))
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'All 38 Annex A controls: applicable or not, justification, systems, rules, implementation status. `Accept: text/csv` for CSV.' })
  @ApiOperation({ summary: 'Statement of Applicability', description: 'Always derived from the active rule versions and the current systems; never hand-maintained.' })
  statementOfApplicability() {
    return this.controls.statementOfApplicability();
  }

  @Put('statement-of-applicability/:controlId/implementation')
  @RequireRoles('governance', 'risk-officer', 'compliance-officer')
  @ApiOperation({ summary: 'Set the implementation status of a control', description: 'Audited. Risk treatment sets it too when selected controls are implemented and verified.' })
  setImplementation(@Param('controlId') controlId: string, @Body() dto: SetImplementationDto, @CurrentActor() actor: Actor) {
    return this.controls.setImplementation(controlId, dto, actor);
  }
}
