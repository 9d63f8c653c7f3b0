import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { AuditsModule } from '../audits/audits.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ImpactAssessmentsModule } from '../impact-assessments/impact-assessments.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { AuditPackBuilder } from './audit-pack-builder.js';
import { AuditPackLocation } from './audit-pack-location.interceptor.js';
import { AuditPacksController } from './audit-packs.controller.js';
import { AuditPacksService } from './audit-packs.service.js';
import { AuditPackChunksRepository } from './repositories/audit-pack-chunks.repository.js';
import { AuditPacksRepository } from './repositories/audit-packs.repository.js';

@Module({
  imports: [DocumentsModule, AiSystemsModule, AuditsModule, ImpactAssessmentsModule, RulesModule],
  controllers: [AuditPacksController],
  providers: [AuditPacksService, AuditPackBuilder, AuditPackLocation, AuditPacksRepository, AuditPackChunksRepository],
})
export class AuditPacksModule {}
