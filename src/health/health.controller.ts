import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { DatabaseHealthIndicator } from './database.health.js';
import { HealthDto } from './dto/health.dto.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get()
  // Documented here, the same in every runtime: Terminus documents the route only when its require() of the
  // ESM-only @nestjs/swagger succeeds, which it does under plain Node 20.19+ but not under Jest's ESM mode.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto, description: 'The service and its database are up' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer (application/problem+json)' })
  @ApiOperation({ summary: 'Liveness and database health', description: 'No token needed. 503 when the database does not answer.' })
  check(): Promise<HealthDto> {
    return this.health.check([() => this.database.ping(2000)]);
  }
}
