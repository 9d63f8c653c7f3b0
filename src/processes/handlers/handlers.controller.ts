import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../../auth/auth.decorators.js';
import { ServiceTaskHandlerDto } from '../dto/handler.dto.js';
import { HandlerRegistry } from './handler-registry.js';

@ApiTags('processes')
@BearerAuth()
@Controller('service-task-handlers')
export class HandlersController {
  constructor(private readonly handlers: HandlerRegistry) {}

  @Get()
  @ApiOkResponse({ type: [ServiceTaskHandlerDto] })
  @ApiOperation({ summary: 'List service task handlers', description: 'The names `aimsflow:handler` (or a Camunda task type) may use, with what each does.' })
  list(): ServiceTaskHandlerDto[] {
    return this.handlers.list();
  }
}
