import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../implementation-status.js';

export class ControlQueryDto {
  @ApiPropertyOptional({ description: 'Annex A group, e.g. A.6', example: 'A.6' })
  @IsOptional()
  @IsString()
  group?: string;
}

export class SetImplementationDto {
  @ApiProperty({ enum: IMPLEMENTATION_STATUSES, example: 'implemented' })
  @IsIn(IMPLEMENTATION_STATUSES)
  status: ImplementationStatus;

  @ApiPropertyOptional({ description: 'Evidence or plan', example: 'Event logging enabled in all production deployments (ticket OPS-112)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class SoaQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: '`true`: only controls with linked evidence that has expired (valid until before now); `false`: only controls without',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  evidenceExpired?: string;
}
