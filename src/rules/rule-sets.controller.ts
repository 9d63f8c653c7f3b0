import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { PageQueryDto } from '../common/pagination.js';
import { FactsDto } from './dto/rules.dto.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SimulationService } from './simulation.service.js';

@ApiTags('rules')
@BearerAuth()
@Controller('rule-sets')
export class RuleSetsController {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly simulation: SimulationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List rule sets', description: 'Each rule set with its active and latest version and where the active one came from (file or api).' })
  list() {
    return this.ruleSets.list();
  }

  @Get(':key')
  @ApiOperation({ summary: 'The active version of a rule set', description: 'With the document, its source, and what the last start-up sync did with the file in rules/.' })
  getActive(@Param('key') key: string) {
    return this.ruleSets.getActive(key);
  }

  @Get(':key/versions')
  @ApiOperation({ summary: 'List the versions of a rule set', description: 'Newest first; each shows its source (file or api), who created and activated it.' })
  listVersions(@Param('key') key: string, @Query() query: PageQueryDto) {
    return this.ruleSets.listVersions(key, query);
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version of a rule set' })
  getVersion(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.ruleSets.getVersion(key, version);
  }

  @Post(':key/versions')
  @RequireRoles('governance')
  @ApiBody({ description: 'A rule set document (see docs/rules.md); `key` must match the path.', schema: { type: 'object' } })
  @ApiUnprocessableEntityResponse({ description: 'The document fails validation; `errors` has a JSON pointer for each issue. Nothing is stored.' })
  @ApiOperation({ summary: 'Create a draft version', description: 'Validated and stored as the next version; it decides nothing until activated.' })
  createVersion(@Param('key') key: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.ruleSets.createVersion(key, body, actor);
  }

  @Post(':key/versions/:version/simulate')
  @HttpCode(200)
  @RequireRoles('governance', 'auditor', 'compliance-officer')
  @ApiOkResponse({ description: 'With facts: the outcome and explanation of this version and the active one. Without: every registered AI system whose outcome would change, with before and after.' })
  @ApiOperation({ summary: 'Simulate a version', description: 'Never changes stored state.' })
  simulate(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @Body() body: FactsDto) {
    return body.facts ? this.simulation.simulateFacts(key, version, body.facts) : this.simulation.simulateSystems(key, version);
  }

  @Post(':key/versions/:version/activate')
  @HttpCode(200)
  @RequireRoles('governance')
  @ApiOperation({
    summary: 'Activate a version',
    description: 'Audited. Activating an older version is the rollback. Activating risk classification or required controls re-derives every system’s stored outcome.',
  })
  activate(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @CurrentActor() actor: Actor) {
    return this.ruleSets.activate(key, version, actor);
  }
}
