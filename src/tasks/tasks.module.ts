import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [ProcessesModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
