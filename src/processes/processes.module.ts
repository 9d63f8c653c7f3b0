import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { TaskStore } from '../tasks/task-store.js';
import { DefinitionCache } from './definitions/definition-cache.js';
import { DefinitionsController } from './definitions/definitions.controller.js';
import { DefinitionsService } from './definitions/definitions.service.js';
import { HandlerRegistry } from './handlers/handler-registry.js';
import { HandlersController } from './handlers/handlers.controller.js';
import { InstancesController } from './instances/instances.controller.js';
import { InstancesService } from './instances/instances.service.js';
import { JobRunner } from './jobs/job-runner.service.js';
import { JobStore } from './jobs/job-store.js';
import { TimerScheduler } from './jobs/timer-scheduler.js';
import { MessagesController } from './messages/messages.controller.js';
import { MessagesService } from './messages/messages.service.js';
import { ProcessEngineService } from './runtime/process-engine.service.js';
import { RegisterWithdrawals } from './runtime/register-withdrawals.js';

/**
 * Process definitions, instances, history, messages, timers and the handler registry. Other
 * modules use ProcessEngineService inside their own transactions and register service task
 * handlers with HandlerRegistry (and registers with RegisterWithdrawals) in their onModuleInit.
 */
@Module({
  imports: [RulesModule],
  controllers: [DefinitionsController, HandlersController, InstancesController, MessagesController],
  providers: [
    DefinitionsService,
    DefinitionCache,
    HandlerRegistry,
    ProcessEngineService,
    InstancesService,
    MessagesService,
    JobStore,
    JobRunner,
    TimerScheduler,
    TaskStore,
    RegisterWithdrawals,
  ],
  exports: [ProcessEngineService, HandlerRegistry, TaskStore, JobRunner, RegisterWithdrawals],
})
export class ProcessesModule {}
