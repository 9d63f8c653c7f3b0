import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { SubjectField } from '../../auth/subject.js';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { AI_SYSTEM_STATUSES } from '../entities/ai-system.entity.js';

export const ORGANISATION_ROLES = ['developer', 'provider', 'deployer', 'importer', 'distributor'] as const;

export class ModelRefDto {
  @ApiPropertyOptional({ example: 'openai' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  provider?: string;

  @ApiPropertyOptional({ example: 'gpt-4o' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'semver where the provider uses it', example: '2024.8.6' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  version?: string;
}

export class CreateAiSystemDto {
  @ApiProperty({ example: 'CV screening assistant' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ example: 'Ranks incoming job applications for recruiters' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 'Shortlist applicants for open positions' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  intendedPurpose: string;

  @ApiPropertyOptional({
    description: 'Subject accountable for the system, in canonical form (`Alice` is `alice`; an identity-provider `<issuer>#<sub>` is kept verbatim)',
    example: 'alice',
  })
  @IsOptional()
  @SubjectField()
  owner?: string;

  @ApiProperty({
    description: "The organisation's role(s) for this system (ISO 42001 clause 4; EU AI Act Art. 3)",
    enum: ORGANISATION_ROLES,
    isArray: true,
    example: ['deployer'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ORGANISATION_ROLES, { each: true, message: `each role must be one of: ${ORGANISATION_ROLES.join(', ')}` })
  roles: string[];

  @ApiPropertyOptional({ type: ModelRefDto, description: 'The underlying model; model-version events match provider + name' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModelRefDto)
  model?: ModelRefDto;

  @ApiPropertyOptional({ description: 'The system or its model is supplied by a third party', example: true })
  @IsOptional()
  @IsBoolean()
  thirdParty?: boolean;

  @ApiPropertyOptional({
    description: 'Attributes validated against the attribute schema (data/ai-system-attribute-schema.json); unknown attributes are refused',
    example: { useCases: ['recruitment'], profilesNaturalPersons: true, processesPersonalData: true, affectedPersons: ['job-applicants'] },
  })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export class UpdateAiSystemDto extends PartialType(
  PickType(CreateAiSystemDto, ['name', 'description', 'intendedPurpose', 'owner', 'roles', 'model', 'thirdParty'] as const),
) {
  @ApiPropertyOptional({
    description: 'Merged into the current attributes (JSON merge patch): a key set to null is removed',
    example: { deploymentRegions: ['EU', 'US'] },
  })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The version you read; a stale one is refused with 409. Alternatively send If-Match.', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AiSystemQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AI_SYSTEM_STATUSES })
  @IsOptional()
  @IsIn(AI_SYSTEM_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: "The organisation's role", enum: ORGANISATION_ROLES })
  @IsOptional()
  @IsIn(ORGANISATION_ROLES)
  role?: string;

  @ApiPropertyOptional({ description: 'Systems with this use case', example: 'recruitment' })
  @IsOptional()
  @IsString()
  useCase?: string;

  @ApiPropertyOptional({ description: 'EU AI Act risk class', enum: ['prohibited', 'high', 'limited', 'minimal'] })
  @IsOptional()
  @IsIn(['prohibited', 'high', 'limited', 'minimal'])
  riskClass?: string;

  @ApiPropertyOptional({ description: 'Text search in name and intended purpose (case-insensitive)', example: 'screening' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class RetireAiSystemDto {
  @ApiPropertyOptional({ description: 'Why the system is retired', example: 'Replaced by vendor product' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
