import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { ASSESSMENT_STATUSES } from '../entities/impact-assessment.entity.js';

export class ImpactAssessmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'AI system id' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ enum: ASSESSMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSESSMENT_STATUSES)
  status?: string;
}
