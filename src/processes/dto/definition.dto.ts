import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { StartEventInfo } from '../../engine/process/index.js';
import type { DefinitionSource, ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import type { DefinitionVersionSummary } from '../repositories/process-definitions.repository.js';

const DEFINITION_SOURCES: DefinitionSource[] = ['file', 'api'];
const START_EVENT_KINDS: StartEventInfo['kind'][] = ['none', 'timer', 'message', 'signal'];
const TIMER_TYPES: NonNullable<StartEventInfo['timer']>['type'][] = ['duration', 'date', 'cycle'];

export class TimerDefinitionDto {
  @ApiProperty({ enum: TIMER_TYPES, description: 'BPMN timeDuration, timeDate or timeCycle', example: 'cycle' })
  type: 'duration' | 'date' | 'cycle';

  @ApiProperty({ description: 'ISO 8601 text as written in the BPMN, or FEEL when it starts with `=`', example: 'R/2027-01-01T00:00:00Z/P1M' })
  expression: string;
}

/** How an instance of the definition can be started. */
export class StartEventDto {
  @ApiProperty({ description: 'BPMN element id of the start event', example: 'Start_registered' })
  id: string;

  @ApiPropertyOptional({ example: 'AI system registered' })
  name?: string;

  @ApiProperty({
    enum: START_EVENT_KINDS,
    description:
      '`none`: started through the API or by aimsflow; `timer`: started by its schedule; `message`: started by POST /messages (or a message a process throws) with this message name; `signal`: started by every broadcast of this signal (POST /signals or a signal a process throws)',
  })
  kind: 'none' | 'timer' | 'message' | 'signal';

  @ApiPropertyOptional({ description: 'The message that starts it (message start events only)', example: 'incident.reported' })
  messageName?: string;

  @ApiPropertyOptional({ description: 'The signal that starts it (signal start events only)', example: 'regulation.changed' })
  signalName?: string;

  @ApiPropertyOptional({ type: TimerDefinitionDto, description: 'Its schedule (timer start events only)' })
  timer?: TimerDefinitionDto;
}

/** One immutable version of a BPMN process definition (its XML: GET /process-definitions/{key}/versions/{version}/xml). */
export class ProcessDefinitionDto {
  @ApiProperty({ format: 'uuid', description: 'Id of this version' })
  id: string;

  @ApiProperty({ description: 'The BPMN process id: what POST /process-instances names as definitionKey', example: 'impact-assessment' })
  key: string;

  @ApiProperty({ description: '1, 2, … per key; a running instance stays on the version it started with', example: 2 })
  version: number;

  @ApiProperty({ type: String, nullable: true, description: 'The BPMN process name', example: 'AI system impact assessment' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The BPMN documentation of the process: what it does and when it runs' })
  documentation: string | null;

  @ApiProperty({
    description: 'sha256 of the XML (line endings normalised): deploying the same content again returns this version',
    example: '5d729acd63fc0eb25b5f8b5d28f025f3dc5d8ee1912417616f5fe4dbd9948d21',
  })
  contentHash: string;

  @ApiProperty({ description: 'At most one running instance per subject (`aimsflow:uniquePerSubject`)', example: false })
  uniquePerSubject: boolean;

  @ApiProperty({ type: [StartEventDto], description: 'Its start events' })
  startEvents: StartEventDto[];

  @ApiProperty({ enum: DEFINITION_SOURCES, description: '`file`: deployed from the processes folder at start-up; `api`: POST /process-definitions' })
  source: DefinitionSource;

  @ApiProperty({ type: String, nullable: true, description: 'The file it was deployed from (source `file`)', example: 'processes/impact-assessment.bpmn' })
  sourceFile: string | null;

  @ApiProperty({ description: 'Who deployed it (`system` for files deployed at start-up)', example: 'gina' })
  deployedBy: string;

  @ApiProperty({ type: Date })
  deployedAt: Date;
}

export class ProcessDefinitionPageDto extends PageOf(ProcessDefinitionDto) {}

/** Something the definition carries that aimsflow keeps but does not act on, or a link it resolves only when an instance gets there. */
export class DefinitionWarningDto {
  @ApiPropertyOptional({ example: 'Activity_review' })
  elementId?: string;

  @ApiProperty({ example: '<zeebe:executionListeners> is ignored: it has no meaning in aimsflow' })
  message: string;
}

const WARNINGS_DESCRIPTION =
  'Extensions deployed but without meaning here (execution and task listeners, properties, task headers on a built-in handler, …): listed, never silently dropped. ' +
  'Also each business rule task whose rule set, and each user task whose linked form, does not exist yet (resolved when an instance reaches the task, which raises an incident if it is still missing then), ' +
  'and joins a token may wait at forever';
const CREATED_DESCRIPTION =
  '`true`: a new version was stored; `false`: the same content was deployed before and that version is returned. 201 when a version of any process of the file was stored, else 200';

/** Another executable process of the same file, deployed in the same transaction as its own definition. */
export class CoDeployedDefinitionDto {
  @ApiProperty({ format: 'uuid', description: 'Id of its version' })
  id: string;

  @ApiProperty({ description: 'Its BPMN process id: the definition key', example: 'supplier-onboarding' })
  key: string;

  @ApiProperty({ description: 'Its version, numbered per key', example: 1 })
  version: number;

  @ApiProperty({ type: String, nullable: true, description: 'Its BPMN process name', example: 'Supplier onboarding' })
  name: string | null;

  @ApiProperty({ description: CREATED_DESCRIPTION, example: true })
  created: boolean;

  @ApiProperty({ type: [DefinitionWarningDto], description: `Its own warnings. ${WARNINGS_DESCRIPTION}` })
  warnings: DefinitionWarningDto[];
}

/** What POST /process-definitions answers: the stored version of the file's first executable process, new (201) or known (200). */
export class DeployedDefinitionDto extends ProcessDefinitionDto {
  @ApiProperty({ type: [DefinitionWarningDto], description: `The warnings of this process. ${WARNINGS_DESCRIPTION}` })
  warnings: DefinitionWarningDto[];

  @ApiProperty({ description: CREATED_DESCRIPTION, example: true })
  created: boolean;

  @ApiProperty({
    type: [CoDeployedDefinitionDto],
    description:
      'The other executable processes of the same file, in document order, each deployed as a definition of its own in the same transaction (all or none); empty when the file holds one',
    example: [{ id: '0b6f3c55-2a7d-4a43-9a7e-4f1c2d8e9a10', key: 'supplier-onboarding', version: 1, name: 'Supplier onboarding', created: true, warnings: [] }],
  })
  deployedWith: CoDeployedDefinitionDto[];
}

export class DefinitionVersionSummaryDto {
  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ description: 'sha256 of the XML (line endings normalised)', example: '5d729acd63fc0eb25b5f8b5d28f025f3dc5d8ee1912417616f5fe4dbd9948d21' })
  contentHash: string;

  @ApiProperty({ enum: DEFINITION_SOURCES })
  source: DefinitionSource;

  @ApiProperty({ type: String, nullable: true, example: 'processes/impact-assessment.bpmn' })
  sourceFile: string | null;

  @ApiProperty({ example: 'system' })
  deployedBy: string;

  @ApiProperty({ type: Date })
  deployedAt: Date;
}

/** The latest version of a definition, with a summary of every version. */
export class ProcessDefinitionDetailDto extends ProcessDefinitionDto {
  @ApiProperty({ type: [DefinitionVersionSummaryDto], description: 'Every version, newest first' })
  versions: DefinitionVersionSummaryDto[];
}

function toStartEventDto(s: StartEventInfo): StartEventDto {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    messageName: s.messageName,
    signalName: s.signalName,
    timer: s.timer && { type: s.timer.type, expression: s.timer.expression },
  };
}

export function toProcessDefinitionDto(d: ProcessDefinitionEntity): ProcessDefinitionDto {
  return {
    id: d.id,
    key: d.key,
    version: d.version,
    name: d.name,
    documentation: d.documentation,
    contentHash: d.contentHash,
    uniquePerSubject: d.uniquePerSubject,
    startEvents: d.startEvents.map(toStartEventDto),
    source: d.source,
    sourceFile: d.sourceFile,
    deployedBy: d.deployedBy,
    deployedAt: d.deployedAt,
  };
}

export function toDefinitionVersionSummaryDto(v: DefinitionVersionSummary): DefinitionVersionSummaryDto {
  return { version: v.version, contentHash: v.contentHash, source: v.source, sourceFile: v.sourceFile, deployedBy: v.deployedBy, deployedAt: v.deployedAt };
}
