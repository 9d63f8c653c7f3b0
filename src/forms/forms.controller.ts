import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { FormDetailDto, FormDocumentDto, FormPageDto, FormQueryDto, FormVersionDto } from './dto/form.dto.js';
import { FormsService } from './forms.service.js';

@ApiTags('processes')
@BearerAuth()
@Controller('forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Post()
  @RequireRoles('governance')
  @ApiBody({ description: 'The form-js JSON (a Camunda Modeler .form file); its `id` is the form id', type: FormDocumentDto })
  @ApiCreatedResponse({ type: FormVersionDto, description: 'The stored version (the next one of its id)' })
  @ApiUnprocessableEntityResponse({
    description: 'The schema cannot be used: each entry of `errors` points at the component at fault (e.g. /components/2/validate/pattern). Nothing is stored.',
  })
  @ApiOperation({
    summary: 'Store a Camunda form (next version of its id)',
    description:
      'User tasks link it with `zeebe:formDefinition formId`; a task is bound to the latest version when it opens, and completions are validated against it. Patterns are RE2 syntax.',
  })
  create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<FormVersionDto> {
    return this.forms.create(body, actor);
  }

  @Get()
  @ApiOkResponse({ type: FormPageDto })
  @ApiOperation({ summary: 'Camunda forms', description: 'Each form id with its latest version, by id. Filter with `search`.' })
  list(@Query() query: FormQueryDto): Promise<FormPageDto> {
    return this.forms.list(query);
  }

  @Get(':formId')
  @ApiOkResponse({ type: FormDetailDto })
  @ApiNotFoundResponse({ description: 'No form with this id' })
  @ApiOperation({ summary: 'A Camunda form: its latest version and the list of versions' })
  get(@Param('formId') formId: string): Promise<FormDetailDto> {
    return this.forms.get(formId);
  }

  @Get(':formId/versions/:version')
  @ApiOkResponse({ type: FormVersionDto })
  @ApiNotFoundResponse({ description: 'No such form, or no such version of it' })
  @ApiOperation({ summary: 'One version of a Camunda form' })
  getVersion(@Param('formId') formId: string, @Param('version', ParseIntPipe) version: number): Promise<FormVersionDto> {
    return this.forms.getVersion(formId, version);
  }
}
