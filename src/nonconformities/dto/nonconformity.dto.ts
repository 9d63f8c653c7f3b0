import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { NC_SEVERITIES, NC_SOURCES, NC_STATUSES } from '../nonconformity-vocabulary.js';

export class RaiseNonconformityDto {
  @ApiProperty({ example: 'Event logs missing for the CV screening assistant' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Logs of inference requests were not retained in March.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiProperty({ enum: NC_SOURCES, example: 'monitoring' })
  @IsIn(NC_SOURCES)
  source: string;

  @ApiProperty({ enum: NC_SEVERITIES, example: 'major' })
  @IsIn(NC_SEVERITIES)
  severity: string;

  @ApiPropertyOptional({ description: 'The AI system concerned' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ description: 'ISO 42001 clause ids', example: ['9.1'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  clauseRefs?: string[];

  @ApiPropertyOptional({ description: 'Annex A control ids', example: ['A.6.2.8'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  controlRefs?: string[];
}

export class NonconformityQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NC_STATUSES })
  @IsOptional()
  @IsIn(NC_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: NC_SEVERITIES })
  @IsOptional()
  @IsIn(NC_SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({ enum: NC_SOURCES })
  @IsOptional()
  @IsIn(NC_SOURCES)
  source?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  auditId?: string;
}
