import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HealthCheckStatus, HealthIndicatorStatus } from '@nestjs/terminus';

/** A check answered 200; `error` and `shutting_down` are answered 503 (application/problem+json). */
const CHECK_STATUSES: HealthCheckStatus[] = ['ok', 'degraded'];
const INDICATOR_STATUSES: HealthIndicatorStatus[] = ['up', 'degraded', 'down'];

/** What one health indicator found. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: INDICATOR_STATUSES, example: 'up' })
  status: HealthIndicatorStatus;

  @ApiPropertyOptional({ type: 'integer', description: 'How long the database took to answer a ping (when up)', example: 2 })
  responseTimeMs?: number;

  @ApiPropertyOptional({ description: 'Why the indicator is down', example: 'no answer within 2000 ms' })
  message?: string;
}

/** Results by health indicator (Terminus' HealthIndicatorResult): the database is the one indicator. */
export class HealthIndicatorsDto {
  @ApiPropertyOptional({ type: HealthIndicatorDto, description: 'The PostgreSQL database' })
  database?: HealthIndicatorDto;
}

/** The body of a health check (Terminus' HealthCheckResult). */
export class HealthDto {
  @ApiProperty({
    enum: CHECK_STATUSES,
    description: 'Overall status: `ok`, or `degraded` when an indicator is degraded (a check that fails is answered 503 instead)',
    example: 'ok',
  })
  status: HealthCheckStatus;

  @ApiPropertyOptional({ type: HealthIndicatorsDto, description: 'Indicators that are up (or degraded)' })
  info?: HealthIndicatorsDto;

  @ApiPropertyOptional({ type: HealthIndicatorsDto, description: 'Indicators that are down (empty when all are up)' })
  error?: HealthIndicatorsDto;

  @ApiProperty({ type: HealthIndicatorsDto, description: 'Every indicator' })
  details: HealthIndicatorsDto;
}
