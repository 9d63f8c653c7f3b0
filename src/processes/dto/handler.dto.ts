import { ApiProperty } from '@nestjs/swagger';

/** A service task handler a BPMN service task may name. */
export class ServiceTaskHandlerDto {
  @ApiProperty({
    description: 'What `aimsflow:handler` (or a Camunda task type) names, optionally with parameters: `set-variables?status=approved`',
    example: 'risk.rate-all',
  })
  name: string;

  @ApiProperty({
    description: 'What it does, its inputs and outputs',
    example: 'Rates every risk of `risks` with the active risk-rating rules; returns `risks` with their rating and `risksToTreat`.',
  })
  description: string;
}
