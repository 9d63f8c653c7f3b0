import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class DeclaredChangesDto {
  @ApiPropertyOptional({ description: 'Retrained or fine-tuned on changed training data', example: true })
  @IsOptional()
  @IsBoolean()
  trainingDataChanged?: boolean;

  @ApiPropertyOptional({ description: 'The model architecture changed', example: false })
  @IsOptional()
  @IsBoolean()
  architectureChanged?: boolean;

  @ApiPropertyOptional({ description: 'The intended purpose changed with this version', example: false })
  @IsOptional()
  @IsBoolean()
  intendedPurposeChanged?: boolean;

  @ApiPropertyOptional({ description: 'Regions (ISO 3166 or EU) it is newly deployed in', example: ['US'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  newDeploymentRegions?: string[];

  @ApiPropertyOptional({ description: 'Use cases it newly serves', example: [] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  newUseCases?: string[];

  @ApiPropertyOptional({ description: 'Groups of persons newly affected', example: ['children'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  newAffectedPersons?: string[];
}

export class ModelVersionDto {
  @ApiProperty({ example: 'acme-ai' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  provider: string;

  @ApiProperty({ example: 'rank-large' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  modelName: string;

  @ApiProperty({ description: 'semver where the provider uses it', example: '2.0.0' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  version: string;

  @ApiPropertyOptional({ type: DeclaredChangesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeclaredChangesDto)
  declaredChanges?: DeclaredChangesDto;
}
