import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { PageQueryDto } from '../common/pagination.js';
import {
  ActivatedRuleSetVersionDto,
  ActiveRuleSetDto,
  RuleSetDocumentDto,
  RuleSetSummaryDto,
  RuleSetVersionDto,
  RuleSetVersionPageDto,
} from './dto/rule-set.dto.js';
import { FactsDto } from './dto/rules.dto.js';
import { FactsSimulationDto, type SimulationDto, SystemsSimulationDto } from './dto/simulation.dto.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SimulationService } from './simulation.service.js';

@ApiTags('rules')
@BearerAuth()
@ApiExtraModels(FactsSimulationDto, SystemsSimulationDto)
@Controller('rule-sets')
export class RuleSetsController {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly simulation: SimulationService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [RuleSetSummaryDto] })
  @ApiOperation({
    summary: 'List rule sets',
    description: 'Each rule set with its active and latest version and where the active one came from (file or api).',
  })
  list(): Promise<RuleSetSummaryDto[]> {
    return this.ruleSets.list();
  }

  @Get(':key')
  @ApiOkResponse({ type: ActiveRuleSetDto })
  @ApiOperation({
    summary: 'The active version of a rule set',
    description: 'With the document, its source, and what the last start-up sync did with the file in rules/.',
  })
  getActive(@Param('key') key: string): Promise<ActiveRuleSetDto> {
    return this.ruleSets.getActive(key);
  }

  @Get(':key/versions')
  @ApiOkResponse({ type: RuleSetVersionPageDto })
  @ApiOperation({ summary: 'List the versions of a rule set', description: 'Newest first; each shows its source (file or api), who created and activated it.' })
  listVersions(@Param('key') key: string, @Query() query: PageQueryDto): Promise<RuleSetVersionPageDto> {
    return this.ruleSets.listVersions(key, query);
  }

  @Get(':key/versions/:version')
  @ApiOkResponse({ type: RuleSetVersionDto })
  @ApiOperation({ summary: 'One version of a rule set' })
  getVersion(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<RuleSetVersionDto> {
    return this.ruleSets.getVersion(key, version);
  }

  @Post(':key/versions')
  @RequireRoles('governance')
  @ApiBody({ description: 'A rule set document (see docs/rules.md); `key` must match the path.', type: RuleSetDocumentDto })
  @ApiCreatedResponse({ type: RuleSetVersionDto, description: 'The stored draft version' })
  @ApiUnprocessableEntityResponse({ description: 'The document fails validation; `errors` has a JSON pointer for each issue. Nothing is stored.' })
  @ApiOperation({ summary: 'Create a draft version', description: 'Validated and stored as the next version; it decides nothing until activated.' })
  createVersion(@Param('key') key: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<RuleSetVersionDto> {
    return this.ruleSets.createVersion(key, body, actor);
  }

  @Post(':key/versions/:version/simulate')
  @HttpCode(200)
  @RequireRoles('governance', 'auditor', 'compliance-officer')
  @ApiOkResponse({
    description:
      'With facts: the outcome and explanation of this version and the active one. Without: every registered AI system whose outcome would change, with before and after.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(FactsSimulationDto) }, { $ref: getSchemaPath(SystemsSimulationDto) }],
      discriminator: { propertyName: 'mode', mapping: { facts: getSchemaPath(FactsSimulationDto), systems: getSchemaPath(SystemsSimulationDto) } },
    },
  })
  @ApiOperation({ summary: 'Simulate a version', description: 'Never changes stored state.' })
  simulate(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @Body() body: FactsDto): Promise<SimulationDto> {
    return this.simulation.simulate(key, version, body.facts);
  }

  @Post(':key/versions/:version/activate')
  @HttpCode(200)
  @RequireRoles('governance')
  @ApiOkResponse({ type: ActivatedRuleSetVersionDto })
  @ApiOperation({
    summary: 'Activate a version',
    description:
      'Audited. Activating an older version is the rollback. Activating risk classification or required controls re-derives every system’s stored outcome.',
  })
  activate(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @CurrentActor() actor: Actor): Promise<ActivatedRuleSetVersionDto> {
    return this.ruleSets.activate(key, version, actor);
  }
}
