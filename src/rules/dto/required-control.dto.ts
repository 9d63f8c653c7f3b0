import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RequiredControl } from '../system-classifier.js';

type Source = RequiredControl['sources'][number];

/** One rule of the `required-controls` rule set that requires a control, with why. */
export class RequiredControlSourceDto {
  @ApiProperty({ description: 'Name of the rule that requires the control', example: 'high-risk-logging' })
  rule: string;

  @ApiPropertyOptional({
    description: "The rule's justification, for the Statement of Applicability",
    example: 'High-risk systems must keep event logs (Art. 12).',
  })
  justification?: string;

  @ApiPropertyOptional({
    description: 'Where the requirement comes from: clauses of ISO/IEC 42001, articles of the EU AI Act',
    oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }],
    example: ['ISO/IEC 42001 A.6.2.8', 'Art. 12'],
  })
  basis?: string[] | string;
}

/** An Annex A control the active `required-controls` rules require, with one source per rule that requires it. */
export class RequiredControlDto {
  @ApiProperty({ description: 'Annex A control id', example: 'A.6.2.8' })
  id: string;

  @ApiProperty({ type: [RequiredControlSourceDto], description: 'The rules that require it' })
  sources: RequiredControlSourceDto[];
}

export function toRequiredControlSourceDto(source: Source): RequiredControlSourceDto {
  return {
    rule: source.rule,
    ...(source.justification !== undefined ? { justification: source.justification } : {}),
    ...(source.basis !== undefined ? { basis: source.basis } : {}),
  };
}

export function toRequiredControlDto(control: RequiredControl): RequiredControlDto {
  return { id: control.id, sources: control.sources.map(toRequiredControlSourceDto) };
}
