import { ApiProperty } from '@nestjs/swagger';
import { RequiredControlSourceDto } from '../../rules/dto/required-control.dto.js';
import type { CatalogueClause, CatalogueControl } from '../controls-catalogue.js';
import type { ControlImplementationEntity } from '../entities/control-implementation.entity.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../implementation-status.js';

/** The indicative EU AI Act mapping of a control (not an official crosswalk). */
export class EuAiActMappingDto {
  @ApiProperty({ type: [String], example: ['Art. 12'] })
  articles: string[];

  @ApiProperty({ example: 'Record-keeping (automatic logging)' })
  theme: string;
}

/** An Annex A control of ISO/IEC 42001. */
export class ControlDto {
  @ApiProperty({ example: 'A.6.2.8' })
  id: string;

  @ApiProperty({ example: 'AI system recording of event logs' })
  title: string;

  @ApiProperty({ description: 'Annex A group', example: 'A.6' })
  group: string;

  @ApiProperty({ description: 'The objective of its group', example: 'AI system life cycle' })
  objective: string;

  @ApiProperty({ type: EuAiActMappingDto, nullable: true, description: 'null where the reference data gives no mapping' })
  euAiAct: EuAiActMappingDto | null;
}

/** A clause (4 to 10) of ISO/IEC 42001. */
export class ClauseDto {
  @ApiProperty({ example: '9.2' })
  id: string;

  @ApiProperty({ description: 'The clause it belongs to', example: 'Performance evaluation' })
  clause: string;

  @ApiProperty({ example: 'Internal audit' })
  title: string;
}

/** The ISO/IEC 42001 catalogue: clauses and the Annex A controls. */
export class ControlCatalogueDto {
  @ApiProperty({ example: 'ISO/IEC 42001:2023' })
  standard: string;

  @ApiProperty({ example: 'Regulation (EU) 2024/1689 (Artificial Intelligence Act)' })
  regulation: string;

  @ApiProperty({ description: 'What the catalogue is (and is not)' })
  note: string;

  @ApiProperty({ type: [ClauseDto] })
  clauses: ClauseDto[];

  @ApiProperty({ type: [ControlDto], description: 'The 38 Annex A controls (those of one group with `group`)' })
  controls: ControlDto[];
}

/** A control an AI system needs, with the rules that require it. */
export class SystemControlDto {
  @ApiProperty({ example: 'A.6.2.8' })
  id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null when the rules name a control the catalogue does not know',
    example: 'AI system recording of event logs',
  })
  title: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'AI system life cycle' })
  objective: string | null;

  @ApiProperty({ description: 'The justifications of the rules that require it, joined', example: 'High-risk systems must keep event logs (Art. 12).' })
  justification: string;

  @ApiProperty({ type: [RequiredControlSourceDto], description: 'The rules that require it' })
  sources: RequiredControlSourceDto[];

  @ApiProperty({ enum: IMPLEMENTATION_STATUSES, description: 'Organisation-wide implementation status (Statement of Applicability)' })
  implementationStatus: ImplementationStatus;

  @ApiProperty({ type: [String], description: 'Indicative EU AI Act articles', example: ['Art. 12'] })
  euAiAct: string[];
}

/** The controls an AI system needs, from its stored required-controls decision. */
export class SystemControlsDto {
  @ApiProperty({ format: 'uuid' })
  systemId: string;

  @ApiProperty({ type: String, nullable: true, description: 'EU AI Act risk class', example: 'high' })
  riskClass: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The required-controls decision (GET /decisions/{id} explains it)' })
  decisionId: string | null;

  @ApiProperty({ type: [SystemControlDto] })
  controls: SystemControlDto[];
}

/** The implementation status of a control, as set. */
export class ControlImplementationDto {
  @ApiProperty({ example: 'A.6.2.8' })
  controlId: string;

  @ApiProperty({ enum: IMPLEMENTATION_STATUSES, example: 'implemented' })
  status: ImplementationStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Evidence or plan',
    example: 'Event logging enabled in all production deployments (ticket OPS-112)',
  })
  note: string | null;

  @ApiProperty({ description: 'Who set it', example: 'gina' })
  updatedBy: string;

  @ApiProperty()
  updatedAt: Date;
}

export function toControlDto(c: CatalogueControl): ControlDto {
  return { id: c.id, title: c.title, group: c.group, objective: c.objective, euAiAct: c.euAiAct && { articles: c.euAiAct.articles, theme: c.euAiAct.theme } };
}

export function toClauseDto(c: CatalogueClause): ClauseDto {
  return { id: c.id, clause: c.clause, title: c.title };
}

export function toControlImplementationDto(i: ControlImplementationEntity): ControlImplementationDto {
  return { controlId: i.controlId, status: i.status, note: i.note, updatedBy: i.updatedBy, updatedAt: i.updatedAt };
}
