import { Global, Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer.js';
import { AuditTrailController } from './audit-trail.controller.js';
import { AuditTrailService } from './audit-trail.service.js';

@Global()
@Module({ controllers: [AuditTrailController], providers: [AuditTrailService, AuditSealer], exports: [AuditTrailService] })
export class AuditTrailModule {}
