import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { CsvWhenAccepted } from '../common/csv.interceptor.js';
import { ControlsService, soaToCsv } from './controls.service.js';
import { ControlCatalogueDto, ControlDto, ControlImplementationDto, SystemControlsDto } from './dto/control.dto.js';
import { ControlQueryDto, SetImplementationDto, SoaQueryDto } from './dto/controls.dto.js';
import { StatementOfApplicabilityDto } from './dto/statement-of-applicability.dto.js';

const SOA_CSV_EXAMPLE =
  'controlId,title,objective,applicable,justification,systems,rules,implementationStatus,implementationNote,euAiAct,evidence,evidenceExpired\r\n' +
  'A.2.2,AI policy,Policies related to AI,yes,Organisation-wide: the AI policy applies to every AI system in the AIMS scope.,organisation-wide; CV screening assistant,ai-policy,planned,policy drafted,Art. 17,2,no\r\n';

@ApiTags('controls')
@BearerAuth()
@ApiExtraModels(StatementOfApplicabilityDto)
@Controller()
export class ControlsController {
  constructor(private readonly controls: ControlsService) {}

  @Get('controls')
  @ApiOkResponse({ type: ControlCatalogueDto })
  @ApiOperation({ summary: 'The ISO/IEC 42001 catalogue', description: 'Clauses and the 38 Annex A controls with their indicative EU AI Act mapping.' })
  list(@Query() query: ControlQueryDto): ControlCatalogueDto {
    return this.controls.list(query.group);
  }

  @Get('controls/:id')
  @ApiOkResponse({ type: ControlDto })
  @ApiOperation({ summary: 'One Annex A control' })
  get(@Param('id') id: string): ControlDto {
    return this.controls.get(id);
  }

  @Get('ai-systems/:id/controls')
  @ApiOkResponse({ type: SystemControlsDto })
  @ApiOperation({
    summary: 'Controls an AI system needs',
    description: 'From the active required-controls rules: each control with the rules that require it, their justification and basis.',
  })
  forSystem(@Param('id', new ParseUUIDPipe()) id: string): Promise<SystemControlsDto> {
    return this.controls.forSystem(id);
  }

  @Get('statement-of-applicability')
  @UseInterceptors(CsvWhenAccepted(soaToCsv))
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'All 38 Annex A controls: applicable or not, justification, systems, rules, implementation status. `Accept: text/csv` for CSV.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatementOfApplicabilityDto) } },
      'text/csv': { schema: { type: 'string' }, example: SOA_CSV_EXAMPLE },
    },
  })
  @ApiOperation({
    summary: 'Statement of Applicability',
    description:
      'Always derived from the active rule versions and the current systems; never hand-maintained. Each control shows its evidence count and whether linked evidence has expired (`evidenceExpired=true` keeps only those).',
  })
  statementOfApplicability(@Query() query: SoaQueryDto): Promise<StatementOfApplicabilityDto> {
    return this.controls.statementOfApplicability(query.evidenceExpired === undefined ? undefined : query.evidenceExpired === 'true');
  }

  @Put('statement-of-applicability/:controlId/implementation')
  @RequireRoles('governance', 'risk-officer', 'compliance-officer')
  @ApiOkResponse({ type: ControlImplementationDto })
  @ApiOperation({
    summary: 'Set the implementation status of a control',
    description: 'Audited. Risk treatment sets it too when selected controls are implemented and verified.',
  })
  setImplementation(@Param('controlId') controlId: string, @Body() dto: SetImplementationDto, @CurrentActor() actor: Actor): Promise<ControlImplementationDto> {
    return this.controls.setImplementation(controlId, dto, actor);
  }
}
