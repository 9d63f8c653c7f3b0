import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { DecisionsService } from './decisions.service.js';
import { DecisionDto, DecisionPageDto, EvaluationDto } from './dto/decision.dto.js';
import { DecisionQueryDto, FactsDto } from './dto/rules.dto.js';

@ApiTags('rules')
@BearerAuth()
@Controller()
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('decisions/:key')
  @HttpCode(200)
  @ApiOkResponse({ type: EvaluationDto })
  @ApiOperation({
    summary: 'Evaluate facts with the active version',
    description: 'Outcome, fired events and the explanation of every rule and condition. Nothing is stored.',
  })
  evaluate(@Param('key') key: string, @Body() body: FactsDto): Promise<EvaluationDto> {
    return this.decisions.evaluate(key, body.facts);
  }

  @Get('decisions/:id')
  @ApiOkResponse({ type: DecisionDto })
  @ApiOperation({ summary: 'A stored decision', description: 'The rule set version, facts, outcome and explanation of a decision that changed state.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DecisionDto> {
    return this.decisions.get(id);
  }

  @Get('ai-systems/:id/decisions')
  @ApiOkResponse({ type: DecisionPageDto })
  @ApiOperation({ summary: 'Decisions about an AI system', description: 'Newest first, each with its explanation.' })
  forSystem(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DecisionQueryDto): Promise<DecisionPageDto> {
    return this.decisions.forSubject('ai-system', id, query);
  }
}
