import { forwardRef, Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { DefinitionCache } from './definitions/definition-cache.js';
import { DefinitionsController } from './definitions/definitions.controller.js';
import { DefinitionsService } from './definitions/definitions.service.js';
import { ExternalJobsController } from './external-jobs/external-jobs.controller.js';
import { ExternalJobsService } from './external-jobs/external-jobs.service.js';
import { JobWakeUps } from './external-jobs/job-wake-ups.js';
import { HandlerRegistry } from './handlers/handler-registry.js';
import { HandlersController } from './handlers/handlers.controller.js';
import { InstancesController } from './instances/instances.controller.js';
import { InstancesService } from './instances/instances.service.js';
import { JobRunner } from './jobs/job-runner.service.js';
import { MessagesController } from './messages/messages.controller.js';
import { MessagesService } from './messages/messages.service.js';
import { SignalsController } from './messages/signals.controller.js';
import { MessageSubscriptionsRepository } from './repositories/message-subscriptions.repository.js';
import { ProcessDefinitionsRepository } from './repositories/process-definitions.repository.js';
import { ProcessExternalJobsRepository } from './repositories/process-external-jobs.repository.js';
import { ProcessHistoryRepository } from './repositories/process-history.repository.js';
import { ProcessIncidentsRepository } from './repositories/process-incidents.repository.js';
import { ProcessInstancesRepository } from './repositories/process-instances.repository.js';
import { ProcessJobsRepository } from './repositories/process-jobs.repository.js';
import { ProcessMessagesRepository } from './repositories/process-messages.repository.js';
import { InstanceLocks } from './runtime/instance-locks.js';
import { EventFanOut } from './runtime/event-fanout.js';
import { MessageCorrelation } from './runtime/message-correlation.js';
import { SignalBroadcast } from './runtime/signal-broadcast.js';
import { SignalSubscriptionsRepository } from './repositories/signal-subscriptions.repository.js';
import { ProcessEngineService } from './runtime/process-engine.service.js';
import { RegisterWithdrawals } from './runtime/register-withdrawals.js';
import { StepEffects } from './runtime/step-effects.js';
import { StepWriter } from './runtime/step-writer.js';
import { SubjectTypes } from './subjects/subject-types.js';
import { TimersController } from './timers/timers.controller.js';
import { TimersService } from './timers/timers.service.js';

/**
 * Process definitions, instances, history, messages, timers (and their list across instances), external jobs and the handler registry. Other
 * modules use ProcessEngineService inside their own transactions, read instances through
 * InstancesService, and register service task handlers with HandlerRegistry (and their register's
 * withdrawal with RegisterWithdrawals) in their onModuleInit. Tasks are the tasks module's rows,
 * which a step writes through TaskRecords (hence the forward reference: the task API drives the engine).
 */
@Module({
  imports: [RulesModule, forwardRef(() => TasksModule)],
  controllers: [
    DefinitionsController,
    HandlersController,
    InstancesController,
    MessagesController,
    SignalsController,
    ExternalJobsController,
    TimersController,
  ],
  providers: [
    DefinitionsService,
    DefinitionCache,
    HandlerRegistry,
    ProcessEngineService,
    InstanceLocks,
    StepWriter,
    StepEffects,
    SubjectTypes,
    MessageCorrelation,
    SignalBroadcast,
    EventFanOut,
    InstancesService,
    TimersService,
    MessagesService,
    JobRunner,
    ExternalJobsService,
    JobWakeUps,
    ProcessExternalJobsRepository,
    RegisterWithdrawals,
    ProcessDefinitionsRepository,
    ProcessInstancesRepository,
    ProcessHistoryRepository,
    ProcessJobsRepository,
    ProcessIncidentsRepository,
    MessageSubscriptionsRepository,
    SignalSubscriptionsRepository,
    ProcessMessagesRepository,
  ],
  exports: [ProcessEngineService, HandlerRegistry, JobRunner, RegisterWithdrawals, DefinitionsService, InstancesService, SubjectTypes],
})
export class ProcessesModule {}
