import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export class FactsDto {
  @ApiPropertyOptional({
    description:
      'The facts to evaluate, checked against the rule set’s factsSchema. For simulate: omit to queue a simulation against every registered AI system instead (202).',
    example: { useCases: ['recruitment'], profilesNaturalPersons: true, art6_3Derogation: 'none' },
  })
  @IsOptional()
  @IsObject()
  facts?: Record<string, unknown>;
}

export class DecisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only decisions of this rule set', example: 'eu-ai-act-risk-class' })
  @IsOptional()
  @IsString()
  ruleSet?: string;
}
