import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageOf } from '../../common/dto/page.dto.js';
import { PageQueryDto } from '../../common/pagination.js';
import {
  RULE_SIMULATION_STATUSES,
  type RuleSimulationRow,
  type RuleSimulationStatus,
  type RuleSimulationSummaryRow,
} from '../repositories/rule-simulations.repository.js';
import { SystemsSimulationDto } from './simulation.dto.js';

/** How far a simulation against every system has come. */
export class RuleSimulationProgressDto {
  @ApiProperty({ type: 'integer', description: 'Systems gone through so far, those whose facts the candidate refuses included', example: 1000 })
  evaluated: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Registered (not retired) systems when the run started; null until it starts. Once completed, the systems it went through.',
    example: 1250,
  })
  total: number | null;
}

/** A simulation of a candidate version against every registered AI system, as lists show it (without the result). */
export class RuleSimulationSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'GET /rule-simulations/{id} shows it' })
  id: string;

  @ApiProperty({ example: 'eu-ai-act-risk-class' })
  ruleSetKey: string;

  @ApiProperty({ type: 'integer', description: 'The version simulated (compared with the version active when the run starts)', example: 2 })
  candidateVersion: number;

  @ApiProperty({
    enum: RULE_SIMULATION_STATUSES,
    description:
      '`pending`: queued; `running`: a background worker is at it; `completed`: `result` is set; `failed`: `error` says why (e.g. the time budget ran out)',
    example: 'running',
  })
  status: RuleSimulationStatus;

  @ApiProperty({ type: RuleSimulationProgressDto })
  progress: RuleSimulationProgressDto;

  @ApiProperty({ description: 'Subject of the token that asked for it', example: 'gina' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'When its current (or last) run started; null while pending' })
  startedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When it completed or failed' })
  finishedAt: Date | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it failed; null otherwise',
    example: 'The time budget of 600000 ms (AIMSFLOW_SIMULATION_TIMEOUT_MS) was exceeded after 1000 of 1250 systems were evaluated',
  })
  error: string | null;
}

/** A simulation against every registered AI system; `result` once completed. */
export class RuleSimulationDto extends RuleSimulationSummaryDto {
  @ApiPropertyOptional({ type: SystemsSimulationDto, description: 'Present only when `status` is `completed`' })
  result?: SystemsSimulationDto;
}

export class RuleSimulationPageDto extends PageOf(RuleSimulationSummaryDto) {}

export class RuleSimulationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only simulations of this rule set', example: 'eu-ai-act-risk-class' })
  @IsOptional()
  @IsString()
  ruleSetKey?: string;

  @ApiPropertyOptional({ enum: RULE_SIMULATION_STATUSES })
  @IsOptional()
  @IsIn(RULE_SIMULATION_STATUSES)
  status?: RuleSimulationStatus;
}

export function toRuleSimulationSummaryDto(row: RuleSimulationSummaryRow): RuleSimulationSummaryDto {
  return {
    id: row.id,
    ruleSetKey: row.rule_set_key,
    candidateVersion: row.candidate_version,
    status: row.status,
    progress: { evaluated: row.evaluated, total: row.total },
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

export function toRuleSimulationDto(row: RuleSimulationRow<SystemsSimulationDto>): RuleSimulationDto {
  const dto: RuleSimulationDto = toRuleSimulationSummaryDto(row);
  if (row.status === 'completed' && row.result) dto.result = row.result;
  return dto;
}
