import { Global, Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditEventsRepository } from './repositories/audit-events.repository.js';

@Global()
@Module({ controllers: [AuditTrailController], providers: [AuditTrailService, AuditEventsRepository], exports: [AuditTrailService] })
export class AuditTrailModule {}
