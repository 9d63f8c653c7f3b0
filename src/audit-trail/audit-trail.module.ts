import { Global, Module } from '@nestjs/common';
import { SecurityEvents } from '../common/security-events.js';
import { AuditTrailController } from './audit-trail.controller.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditEventsRepository } from './repositories/audit-events.repository.js';

@Global()
@Module({
  controllers: [AuditTrailController],
  providers: [AuditTrailService, AuditEventsRepository, { provide: SecurityEvents, useExisting: AuditTrailService }],
  exports: [AuditTrailService, SecurityEvents],
})
export class AuditTrailModule {}
