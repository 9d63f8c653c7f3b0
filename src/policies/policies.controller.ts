import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { CreatePolicyDto, PolicyQueryDto } from './dto/policy.dto.js';
import { AcknowledgementDto, AcknowledgementsDto, PolicyDto, PolicyPageDto } from './dto/policy-response.dto.js';
import { PoliciesService } from './policies.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Post()
  @RequireRoles('governance', 'compliance-officer', 'top-management')
  @ApiCreatedResponse({
    type: PolicyDto,
    description: 'The draft version; `instanceId` names its ai-policy process (review, approval, publication, acknowledgement)',
  })
  @ApiOperation({
    summary: 'Draft an AI policy or its next version',
    description:
      'ISO/IEC 42001 clause 5.2 and Annex A.2.2-A.2.4. With `supersedes` (a published version), a new version of the same policy, which replaces it once published. Unknown roles in `acknowledgedBy`: 400 `unknown-role`.',
  })
  create(@Body() dto: CreatePolicyDto, @CurrentActor() actor: Actor): Promise<PolicyDto> {
    return this.policies.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: PolicyPageDto })
  @ApiOperation({ summary: 'Policy register', description: 'Every version, newest first. Filter by status, kind, seriesId.' })
  list(@Query() query: PolicyQueryDto): Promise<PolicyPageDto> {
    return this.policies.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PolicyDto })
  @ApiOperation({ summary: 'One policy version' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PolicyDto> {
    return this.policies.get(id);
  }

  @Get(':id/acknowledgements')
  @ApiOkResponse({ type: AcknowledgementsDto })
  @ApiOperation({
    summary: 'Who must acknowledge the policy, and who did',
    description: 'The audience is everyone active in the people directory who holds one of the roles the policy names, now.',
  })
  acknowledgements(@Param('id', new ParseUUIDPipe()) id: string): Promise<AcknowledgementsDto> {
    return this.policies.acknowledgements(id);
  }

  @Post(':id/acknowledgements')
  @ApiCreatedResponse({ type: AcknowledgementDto, description: 'The caller’s acknowledgement (the first one, if they acknowledged before)' })
  @ApiOperation({
    summary: 'Acknowledge a published policy',
    description:
      'The caller must hold one of the roles the policy names (403 `not-in-audience`); the policy must be published (409 `policy-not-published`). The last acknowledgement required lets the policy’s process go on.',
  })
  acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<AcknowledgementDto> {
    return this.policies.acknowledge(id, actor);
  }
}
