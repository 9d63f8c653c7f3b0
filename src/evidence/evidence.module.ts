import { Global, Module } from '@nestjs/common';
import { EvidenceRegister } from '../common/evidence-register.js';
import { ControlsModule } from '../controls/controls.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceExpiryWorker } from './evidence-expiry-worker.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceExpiryNoticesRepository } from './repositories/evidence-expiry-notices.repository.js';
import { EvidenceChunksRepository } from './repositories/evidence-chunks.repository.js';
import { EvidenceRepository } from './repositories/evidence.repository.js';

/**
 * The evidence register. Global for its contract alone (EvidenceRegister): tasks check a form's
 * evidence and the Statement of Applicability counts it, while evidence links to tasks and controls.
 */
@Global()
@Module({
  imports: [ControlsModule, ProcessesModule, TasksModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    EvidenceChunksRepository,
    EvidenceExpiryNoticesRepository,
    EvidenceExpiryWorker,
    { provide: EvidenceRegister, useExisting: EvidenceService },
  ],
  exports: [EvidenceRegister, EvidenceExpiryWorker],
})
export class EvidenceModule {}
