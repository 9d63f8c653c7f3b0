import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
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
import { RuleSimulationDto } from './dto/rule-simulation.dto.js';
import { FactsSimulationDto } from './dto/simulation.dto.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SimulationAcceptedInterceptor } from './simulation-accepted.interceptor.js';
import { SimulationService } from './simulation.service.js';

const LOCATION = {
  Location: {
    description: 'The simulation: GET it until `status` is `completed` or `failed`',
    schema: { type: 'string', example: '/api/v1/rule-simulations/6f1c…' },
  },
};

@ApiTags('rules')
@BearerAuth()
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
  @UseInterceptors(SimulationAcceptedInterceptor)
  @ApiOkResponse({ type: FactsSimulationDto, description: 'With facts: the outcome and explanation of this version beside the active one' })
  @ApiAcceptedResponse({
    type: RuleSimulationDto,
    headers: LOCATION,
    description:
      'Without facts: a simulation against every registered AI system, queued (`pending`); a background worker runs it. Follow it at the Location (GET /rule-simulations/{id}) for progress and, once completed, every system whose outcome would change, with before and after.',
  })
  @ApiNotFoundResponse({ description: 'No such rule set or version; nothing is stored' })
  @ApiOperation({ summary: 'Simulate a version', description: 'Never changes rule sets, decisions or AI systems.' })
  simulate(
    @Param('key') key: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() body: FactsDto,
    @CurrentActor() actor: Actor,
  ): Promise<FactsSimulationDto | RuleSimulationDto> {
    return this.simulation.simulate(key, version, body.facts, actor);
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
