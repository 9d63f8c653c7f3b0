import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsDateString, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export const DIRECTIONS = ['at-least', 'at-most'] as const;
export const OBJECTIVE_STATUSES = ['active', 'closed', 'withdrawn'] as const;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+S)?)?$/;

export class CreateObjectiveDto {
  @ApiProperty({ example: 'Screening accuracy', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({
    description: 'What is measured, and how',
    example: 'Share of shortlisting decisions confirmed by the recruiter, monthly sample of 200',
    maxLength: 2000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  measure: string;

  @ApiProperty({ example: '%', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  unit: string;

  @ApiProperty({ example: 95 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target: number;

  @ApiProperty({ enum: DIRECTIONS, description: 'at-least: the value must reach the target; at-most: it must not exceed it', example: 'at-least' })
  @IsIn(DIRECTIONS)
  direction: string;

  @ApiProperty({ description: 'How often it is measured (ISO 8601 duration); a measurement missing past it raises a reminder', example: 'P1M' })
  @Matches(DURATION, { message: 'frequency must be an ISO 8601 duration such as P1M or P7D' })
  frequency: string;

  @ApiPropertyOptional({ description: 'Who owns the objective (default: the caller)', example: 'olivia' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  owner?: string;

  @ApiPropertyOptional({ type: [String], description: 'AI systems it concerns (registered ids)', example: [] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  systemIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Annex A controls it evidences', example: ['A.6.2.6'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  controlIds?: string[];
}

export class RecordMeasurementDto {
  @ApiProperty({ example: 93.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiPropertyOptional({ type: Date, description: 'When it was measured (default: now); not in the future', example: '2027-02-01T00:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  measuredAt?: string;

  @ApiPropertyOptional({ example: 'sample of 200 decisions', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ObjectiveQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OBJECTIVE_STATUSES })
  @IsOptional()
  @IsIn(OBJECTIVE_STATUSES)
  status?: string;
}
