import { ApiProperty } from '@nestjs/swagger';
import { RequiredControlSourceDto } from '../../rules/dto/required-control.dto.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../implementation-status.js';

/** An AI system that needs a control. */
export class SoaSystemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CV screening assistant' })
  name: string;
}

/** One Annex A control in the Statement of Applicability. */
export class SoaEntryDto {
  @ApiProperty({ example: 'A.6.2.8' })
  controlId: string;

  @ApiProperty({ example: 'AI system recording of event logs' })
  title: string;

  @ApiProperty({ example: 'AI system life cycle' })
  objective: string;

  @ApiProperty({ description: 'The active rules require it for the AIMS as a whole or for at least one system in scope' })
  applicable: boolean;

  @ApiProperty({
    description: 'Why it is included (the justifications of the rules that require it) or excluded',
    example: 'High-risk systems must keep event logs (Art. 12).',
  })
  justification: string;

  @ApiProperty({ type: [RequiredControlSourceDto], description: 'The rules that require it (empty when excluded)' })
  rules: RequiredControlSourceDto[];

  @ApiProperty({ type: [SoaSystemDto], description: 'The systems in scope that need it' })
  systems: SoaSystemDto[];

  @ApiProperty({ description: 'The rules require it for the AIMS as a whole, whatever the systems' })
  organisationWide: boolean;

  @ApiProperty({ enum: IMPLEMENTATION_STATUSES, example: 'in-progress' })
  implementationStatus: ImplementationStatus;

  @ApiProperty({ type: String, nullable: true, example: 'Logging rolled out to 3 of 5 deployments' })
  implementationNote: string | null;

  @ApiProperty({ type: [String], description: 'Indicative EU AI Act articles', example: ['Art. 12'] })
  euAiAct: string[];

  @ApiProperty({
    type: 'integer',
    description: 'Current evidence items linked to the control (superseded ones not counted; GET /evidence?controlId=…)',
    example: 3,
  })
  evidence: number;

  @ApiProperty({ description: 'Some current evidence linked to the control has expired (valid until before now)', example: false })
  evidenceExpired: boolean;
}

/** The active version of each rule set the statement was derived from. */
export class SoaRuleSetVersionsDto {
  @ApiProperty({ type: 'integer', description: 'Active version of the EU AI Act risk classification', example: 1 })
  'eu-ai-act-risk-class': number;

  @ApiProperty({ type: 'integer', description: 'Active version of the required Annex A controls', example: 3 })
  'required-controls': number;
}

/** The Statement of Applicability: every Annex A control, derived from the active rules and the systems in scope. */
export class StatementOfApplicabilityDto {
  @ApiProperty({ example: 'ISO/IEC 42001:2023' })
  standard: string;

  @ApiProperty({ description: 'When it was derived (it is never stored)' })
  generatedAt: Date;

  @ApiProperty({ type: SoaRuleSetVersionsDto })
  ruleSets: SoaRuleSetVersionsDto;

  @ApiProperty({ type: 'integer', description: 'AI systems neither retired nor out of scope', example: 12 })
  systemsInScope: number;

  @ApiProperty({ type: 'integer', description: 'How many controls are applicable', example: 31 })
  applicable: number;

  @ApiProperty({ type: [SoaEntryDto], description: 'All 38 Annex A controls (or those the filter keeps), in catalogue order' })
  controls: SoaEntryDto[];
}
