import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, PeopleOnly, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { CreatePersonDto, MeDto, PeopleQueryDto, PersonDto, PersonPageDto, UpdatePersonDto } from './dto/people.dto.js';
import { PeopleService } from './people.service.js';

@ApiTags('people')
@BearerAuth()
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('people')
  @PeopleOnly()
  @ApiOkResponse({ type: PersonPageDto })
  @ApiOperation({
    summary: 'List people',
    description:
      'By display name; filter by part of the name, e-mail or identity (`q`), a role, or activation. Any role of a person may read; a machine client (`integration` alone) gets 403.',
  })
  list(@Query() query: PeopleQueryDto): Promise<PersonPageDto> {
    return this.people.list(query);
  }

  @Post('people')
  @RequireRoles('admin')
  @ApiCreatedResponse({ type: PersonDto })
  @ApiConflictResponse({ description: '`person-exists`: the identity is in the directory already' })
  @ApiOperation({
    summary: 'Register a person',
    description: 'Before they first sign in, or for an API token subject; assigned roles must be defined (400 `unknown-role`).',
  })
  create(@Body() dto: CreatePersonDto, @CurrentActor() actor: Actor): Promise<PersonDto> {
    return this.people.create(dto, actor);
  }

  @Get('people/:id')
  @PeopleOnly()
  @ApiOkResponse({ type: PersonDto })
  @ApiOperation({ summary: 'One person', description: 'Any role of a person may read; a machine client (`integration` alone) gets 403.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PersonDto> {
    return this.people.get(id);
  }

  @Patch('people/:id')
  @ApiOkResponse({ type: PersonDto })
  @ApiForbiddenResponse({ description: '`not-your-person`, or `field-not-self-editable` naming `active` or `assignedRoles` (admins only)' })
  @ApiOperation({
    summary: 'Change a person',
    description:
      'Admins change anything (a deactivated person cannot act: 401 `person-inactive`). Everyone may change their own display name, e-mail, notification preferences and chat target (https; the webhook target rules apply: 400 `chat-target-refused`).',
  })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdatePersonDto, @CurrentActor() actor: Actor): Promise<PersonDto> {
    return this.people.update(id, dto, actor);
  }

  @Get('me')
  @ApiOkResponse({ type: MeDto })
  @ApiOperation({
    summary: 'Who am I',
    description:
      "The caller's person, the roles this request acts with, and their effective notification settings. An API token subject seen here first gets a person (source `token`).",
  })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.people.me(actor);
  }
}
