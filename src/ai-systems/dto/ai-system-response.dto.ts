import { ApiProperty } from '@nestjs/swagger';
import { JSON_OBJECT } from '../../common/dto/json-value.js';
import { PageOf } from '../../common/dto/page.dto.js';
import { RequiredControlDto, toRequiredControlDto } from '../../rules/dto/required-control.dto.js';
import type { AiSystemRecord } from '../ai-systems.service.js';
import { AI_SYSTEM_STATUSES, type AiSystemStatus } from '../entities/ai-system.entity.js';
import { ModelRefDto, ORGANISATION_ROLES } from './ai-system.dto.js';

/** An AI system in the register, with its classification and the controls it needs. */
export class AiSystemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CV screening assistant' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ranks incoming job applications for recruiters' })
  description: string | null;

  @ApiProperty({ example: 'Shortlist applicants for open positions' })
  intendedPurpose: string;

  @ApiProperty({ type: String, nullable: true, description: 'Subject (user id) accountable for the system', example: 'olivia' })
  owner: string | null;

  @ApiProperty({
    enum: ORGANISATION_ROLES,
    isArray: true,
    description: "The organisation's role(s) for this system (ISO 42001 clause 4; EU AI Act Art. 3)",
    example: ['deployer'],
  })
  roles: string[];

  @ApiProperty({ type: ModelRefDto, nullable: true, description: 'The model it runs now (moves with each recorded model version)' })
  model: ModelRefDto | null;

  @ApiProperty({ description: 'The system or its model is supplied by a third party', example: true })
  thirdParty: boolean;

  @ApiProperty({
    ...JSON_OBJECT,
    description: 'Attributes, valid against the attribute schema (data/ai-system-attribute-schema.json)',
    example: { useCases: ['recruitment'], profilesNaturalPersons: true, processesPersonalData: true, art6_3Derogation: 'none' },
  })
  attributes: Record<string, unknown>;

  @ApiProperty({ enum: AI_SYSTEM_STATUSES, description: 'Where it is in its lifecycle', example: 'in-assessment' })
  status: AiSystemStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'EU AI Act risk class from the eu-ai-act-risk-class rules (prohibited, high, limited, minimal in the seeded rules)',
    example: 'high',
  })
  riskClass: string | null;

  @ApiProperty({ type: [String], description: 'Legal basis of the risk class', example: ['Art. 6(2)', 'Annex III(4)'] })
  legalBasis: string[];

  @ApiProperty({ type: [String], description: 'EU AI Act Art. 50 transparency obligations that apply', example: ['Art. 50(1)'] })
  transparencyObligations: string[];

  @ApiProperty({ type: [RequiredControlDto], description: 'Annex A controls the active required-controls rules require, each with the rules behind it' })
  requiredControls: RequiredControlDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Impact level of its approved impact assessment', example: 'high' })
  impactLevel: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The decision that classified it (GET /decisions/{id})' })
  classificationDecisionId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The decision that derived its required controls' })
  controlsDecisionId: string | null;

  @ApiProperty({ description: 'Who registered it', example: 'olivia' })
  createdBy: string;

  @ApiProperty({ type: 'integer', description: 'Moves with every change; send it back as If-Match (the ETag) or `version`', example: 3 })
  version: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  retiredAt: Date | null;
}

export class AiSystemPageDto extends PageOf(AiSystemDto) {}

export function toAiSystemDto(s: AiSystemRecord): AiSystemDto {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    intendedPurpose: s.intendedPurpose,
    owner: s.owner,
    roles: s.roles,
    model: s.model,
    thirdParty: s.thirdParty,
    attributes: s.attributes,
    status: s.status,
    riskClass: s.riskClass,
    legalBasis: s.legalBasis,
    transparencyObligations: s.transparencyObligations,
    requiredControls: s.requiredControls.map(toRequiredControlDto),
    impactLevel: s.impactLevel,
    classificationDecisionId: s.classificationDecisionId,
    controlsDecisionId: s.controlsDecisionId,
    createdBy: s.createdBy,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    retiredAt: s.retiredAt,
  };
}
