import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { POLICY_KINDS, POLICY_STATUSES } from '../policy-vocabulary.js';

export class CreatePolicyDto {
  @ApiProperty({ example: 'AI policy', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'The policy text, Markdown', example: '# AI policy\n\nWe develop and use AI systems ...', maxLength: 200000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200000)
  body: string;

  @ApiProperty({ description: 'What the policy covers', example: 'All AI systems developed or used by the organisation', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  scope: string;

  @ApiPropertyOptional({ description: 'Who owns the policy (a person’s identity); default: the caller', example: 'carla' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  owner?: string;

  @ApiProperty({ enum: POLICY_KINDS, description: 'The AI policy (clause 5.2, A.2.2) or a topic-specific policy (A.2.3)', example: 'ai-policy' })
  @IsIn(POLICY_KINDS)
  kind: string;

  @ApiProperty({
    type: [String],
    description: 'Roles whose holders must acknowledge the published policy (defined roles: GET /roles)',
    example: ['ai-owner', 'risk-officer'],
  })
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  acknowledgedBy: string[];

  @ApiPropertyOptional({ description: 'The policy governs high-risk AI systems (reviewed more often, per the rules)', default: false })
  @IsOptional()
  @IsBoolean()
  coversHighRiskSystems?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The published version this draft will supersede once published' })
  @IsOptional()
  @IsUUID()
  supersedes?: string;
}

export class PolicyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POLICY_STATUSES })
  @IsOptional()
  @IsIn(POLICY_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: POLICY_KINDS })
  @IsOptional()
  @IsIn(POLICY_KINDS)
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Every version of one policy' })
  @IsOptional()
  @IsUUID()
  seriesId?: string;
}
