import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { AUDIT_TYPES } from '../entities/audit.entity.js';

export class CreateAuditDto {
  @ApiProperty({
    enum: AUDIT_TYPES,
    description: 'internal: clause 9.2 internal audit; certification: Stage 1, Stage 2, surveillance and recertification',
    example: 'internal',
  })
  @IsIn(AUDIT_TYPES)
  type: string;

  @ApiProperty({ example: 'Internal audit Q1: AI risk management' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 'Clauses 6.1 and 8.2–8.4' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  scope?: string;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_TYPES)
  type?: string;

  @ApiPropertyOptional({ example: 'active' })
  @IsOptional()
  @IsString()
  status?: string;
}
