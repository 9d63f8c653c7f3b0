import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageOf } from '../../common/dto/page.dto.js';
import { PageQueryDto } from '../../common/pagination.js';

export const OBLIGATION_SOURCES = ['official-journal', 'digital-omnibus'] as const;
export const OPERATOR_ROLES = ['developer', 'provider', 'deployer', 'importer', 'distributor'] as const;

/** One EU AI Act obligation, as the eu-ai-act-obligations rules give it. */
export class ObligationDto {
  @ApiProperty({ description: 'Stable id of the obligation in the rule set', example: 'annex-iii-deployer-obligations' })
  id: string;

  @ApiProperty({ description: 'EU AI Act article(s)', example: 'Art. 26' })
  article: string;

  @ApiProperty({ example: 'Obligations of deployers of high-risk AI systems' })
  title: string;

  @ApiProperty({ enum: OPERATOR_ROLES, isArray: true, description: 'The operator roles it binds', example: ['deployer'] })
  roles: string[];

  @ApiProperty({ format: 'date', description: 'The date from which it applies', example: '2027-12-02' })
  appliesFrom: string;

  @ApiProperty({
    enum: OBLIGATION_SOURCES,
    description:
      'Where the date comes from: `official-journal` — Regulation (EU) 2024/1689 Art. 113 as published; `digital-omnibus` — the deferral of the high-risk dates by the Digital Omnibus on AI, per the sources consulted (see docs/rules.md)',
    example: 'digital-omnibus',
  })
  source: string;

  @ApiProperty({ description: 'The provision that sets the date', example: 'Digital Omnibus on AI, amending Regulation (EU) 2024/1689 Art. 113' })
  sourceRef: string;

  @ApiProperty({ description: 'It applies today (appliesFrom is today or earlier, by the service clock)', example: false })
  applies: boolean;
}

export class SystemObligationsDto {
  @ApiProperty({ format: 'uuid' })
  systemId: string;

  @ApiProperty({ example: 'CV screening assistant' })
  systemName: string;

  @ApiProperty({ type: String, nullable: true, example: 'high' })
  riskClass: string | null;

  @ApiProperty({ type: [String], example: ['deployer'] })
  roles: string[];

  @ApiProperty({ description: 'Version of the eu-ai-act-obligations rule set that gave them', example: 1 })
  ruleSetVersion: number;

  @ApiProperty({ type: [ObligationDto], description: 'Earliest first' })
  obligations: ObligationDto[];
}

/** An obligation of one system of the register. */
export class RegisterObligationDto extends ObligationDto {
  @ApiProperty({ format: 'uuid' })
  systemId: string;

  @ApiProperty({ example: 'CV screening assistant' })
  systemName: string;
}

export class RegisterObligationPageDto extends PageOf(RegisterObligationDto) {}

export class ObligationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only obligations that apply from this date or later (ISO 8601 date): with today, the ones still ahead',
    example: '2026-12-06',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  appliesFrom?: string;

  @ApiPropertyOptional({ description: 'Only obligations that apply from before this date (ISO 8601 date)', example: '2027-01-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  appliesBefore?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this AI system' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ enum: OPERATOR_ROLES, description: 'Only obligations binding this role' })
  @IsOptional()
  @IsIn(OPERATOR_ROLES)
  role?: string;

  @ApiPropertyOptional({ enum: OBLIGATION_SOURCES, description: 'Only dates from this source' })
  @IsOptional()
  @IsIn(OBLIGATION_SOURCES)
  source?: string;
}
