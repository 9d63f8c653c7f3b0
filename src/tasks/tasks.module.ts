import { forwardRef, Module } from '@nestjs/common';
import { TaskLinks } from '../common/task-links.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { TasksRepository } from './repositories/tasks.repository.js';
import { TaskDeadlinesWorker } from './task-deadlines-worker.js';
import { TaskRecords } from './task-records.service.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

/** The task register and the approver's API. Process steps write task rows through TaskRecords; the API drives the engine (hence the forward reference). */
@Module({
  imports: [forwardRef(() => ProcessesModule)],
  controllers: [TasksController],
  providers: [TasksService, TaskRecords, TasksRepository, TaskDeadlinesWorker, TaskLinks],
  exports: [TaskRecords, TaskDeadlinesWorker, TaskLinks],
})
export class TasksModule {}
