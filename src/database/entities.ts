import { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import { AuditEventEntity } from '../audit-trail/entities/audit-event.entity.js';
import { ApiTokenEntity } from '../auth/entities/api-token.entity.js';

/** Every entity, for the Nest data source and the migration CLI alike. */
export const entities = [ApiTokenEntity, AiSystemEntity, AuditEventEntity];
