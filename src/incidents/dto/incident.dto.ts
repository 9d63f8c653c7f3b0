import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { INCIDENT_EFFECTS, INCIDENT_STATUSES } from '../incident-vocabulary.js';

export class ReportIncidentDto {
  @ApiProperty({ format: 'uuid', description: 'The AI system concerned (a registered one)' })
  @IsUUID()
  systemId: string;

  @ApiProperty({ example: 'Triage assistant under-prioritised chest pain', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({
    description: 'What happened',
    example: 'Three patients with chest pain were ranked low priority; one was seen 4 hours late.',
    maxLength: 10000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiProperty({ type: Date, description: 'When it happened (ISO 8601 with offset)', example: '2027-03-01T08:30:00Z' })
  @IsDateString({ strict: true })
  occurredAt: string;

  @ApiProperty({
    type: Date,
    description:
      'When the organisation became aware of it: the reporting deadline counts from here (EU AI Act Art. 73(2)); not before occurredAt, not in the future',
    example: '2027-03-02T10:00:00Z',
  })
  @IsDateString({ strict: true })
  awareAt: string;

  @ApiProperty({
    enum: INCIDENT_EFFECTS,
    isArray: true,
    description: 'What it led to, directly or indirectly (Art. 3(49)(a)-(d)); empty when none of these: not a serious incident',
    example: ['serious-harm-to-health'],
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(INCIDENT_EFFECTS, { each: true })
  effects: string[];

  @ApiPropertyOptional({ description: 'A widespread infringement (Art. 3(61)): harms the interests of individuals in several Member States', default: false })
  @IsOptional()
  @IsBoolean()
  widespread?: boolean;
}

export class IncidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents of this AI system' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only serious incidents, or only the others (not serious, or not classified yet)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  serious?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only incidents whose report was submitted after its deadline or is still missing past it, or only the others',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  late?: 'true' | 'false';
}
