import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString } from 'class-validator';
import { SubjectField } from '../../auth/subject.js';
import { PageQueryDto } from '../../common/pagination.js';

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Subject type, e.g. ai-system, api-token', example: 'ai-system' })
  @IsOptional()
  @IsString()
  subjectType?: string;

  @ApiPropertyOptional({ description: 'Subject id' })
  @IsOptional()
  @IsString()
  subjectId?: string;

  @ApiPropertyOptional({
    description: 'Subject (user id) of the token that made the change, compared in canonical form (`Alice` is `alice`)',
    example: 'alice',
  })
  @IsOptional()
  @SubjectField()
  actor?: string;

  @ApiPropertyOptional({ description: 'Action, e.g. ai-system.registered', example: 'ai-system.registered' })
  @IsOptional()
  @IsString()
  action?: string;

  @ApiPropertyOptional({ description: 'Events at or after this time (ISO 8601)', example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'Events before this time (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  to?: string;
}
