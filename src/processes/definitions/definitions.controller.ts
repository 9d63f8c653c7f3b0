import { Body, Controller, Get, Header, Param, ParseIntPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../../auth/auth.decorators.js';
import type { Actor } from '../../auth/roles.js';
import { PageQueryDto } from '../../common/pagination.js';
import { DeployedDefinitionDto, ProcessDefinitionDetailDto, ProcessDefinitionPageDto } from '../dto/definition.dto.js';
import { DefinitionsService } from './definitions.service.js';
import { DeployStatusInterceptor } from './deploy-status.interceptor.js';

const XML_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://example.org">
  <bpmn:process id="review" name="Review" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:userTask id="Review" name="Review" aimsflow:candidateRoles="risk-officer"/>
    <bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

@ApiTags('processes')
@BearerAuth()
@Controller('process-definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Post()
  @RequireRoles('governance')
  @UseInterceptors(DeployStatusInterceptor)
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({
    description: 'A BPMN 2.0 document with one or more executable processes (see docs/bpmn.md)',
    schema: { type: 'string', example: XML_EXAMPLE },
  })
  @ApiCreatedResponse({ type: DeployedDefinitionDto, description: 'A new version of a process of the file was stored (`created: true`)' })
  @ApiOkResponse({ type: DeployedDefinitionDto, description: 'The same content was deployed before: those versions are returned (`created: false`)' })
  @ApiBadRequestResponse({ description: 'The body is not a BPMN 2.0 document (malformed XML, wrong root, an illegal XML id, no executable process)' })
  @ApiUnprocessableEntityResponse({
    description:
      'A process falls outside the supported subset: `errors` names every issue with its element id and its process (`processId`); nothing of the file is stored',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not XML (send Content-Type: application/xml)' })
  @ApiOperation({
    summary: 'Deploy a process definition',
    description:
      'Parsed, validated against the supported subset and the known handlers, and stored as the next immutable version of its key. ' +
      'Rule sets and linked forms are resolved when an instance reaches their task: one that does not exist yet is a warning, not a refusal. ' +
      'A file with several executable processes (a Camunda Modeler collaboration) deploys each as a definition of its own (key = process id, ' +
      'own version), all or none in one transaction: the answer is the first process in document order, the others are listed in `deployedWith`.',
  })
  deploy(@Body() xml: string, @CurrentActor() actor: Actor): Promise<DeployedDefinitionDto> {
    return this.definitions.deploy(xml, actor);
  }

  @Get()
  @ApiOkResponse({ type: ProcessDefinitionPageDto })
  @ApiOperation({ summary: 'List process definitions', description: 'The latest version of each definition, by key.' })
  list(@Query() query: PageQueryDto): Promise<ProcessDefinitionPageDto> {
    return this.definitions.list(query);
  }

  @Get(':key')
  @ApiOkResponse({ type: ProcessDefinitionDetailDto })
  @ApiOperation({ summary: 'Get a process definition', description: 'The latest version, with a summary of every version (newest first).' })
  get(@Param('key') key: string): Promise<ProcessDefinitionDetailDto> {
    return this.definitions.get(key);
  }

  @Get(':key/versions/:version/xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'The BPMN XML as deployed, for a diagram viewer', schema: { type: 'string' } })
  @ApiOperation({
    summary: 'The XML of a definition version',
    description: 'Exactly as deployed (line endings normalised), as application/xml: feed it to a BPMN diagram viewer.',
  })
  xml(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<string> {
    return this.definitions.xml(key, version);
  }
}
