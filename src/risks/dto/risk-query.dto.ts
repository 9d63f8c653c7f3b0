import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { RISK_STATUSES, RISK_TREATMENTS } from '../entities/risk.entity.js';

export class RiskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'AI system id' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ enum: ['low', 'medium', 'high', 'critical'] })
  @IsOptional()
  @IsIn(['low', 'medium', 'high', 'critical'])
  rating?: string;

  @ApiPropertyOptional({ enum: RISK_TREATMENTS })
  @IsOptional()
  @IsIn(RISK_TREATMENTS)
  treatment?: string;

  @ApiPropertyOptional({ enum: RISK_STATUSES })
  @IsOptional()
  @IsIn(RISK_STATUSES)
  status?: string;
}
