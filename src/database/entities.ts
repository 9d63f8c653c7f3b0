import { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import { AuditEventEntity } from '../audit-trail/entities/audit-event.entity.js';
import { ApiTokenEntity } from '../auth/entities/api-token.entity.js';
import { ControlImplementationEntity } from '../controls/entities/control-implementation.entity.js';
import { DecisionEntity } from '../rules/entities/decision.entity.js';
import { RuleSetVersionEntity } from '../rules/entities/rule-set-version.entity.js';
import { RuleSetEntity } from '../rules/entities/rule-set.entity.js';

/** Every entity, for the Nest data source and the migration CLI alike. */
export const entities = [
  ApiTokenEntity,
  AiSystemEntity,
  AuditEventEntity,
  RuleSetEntity,
  RuleSetVersionEntity,
  DecisionEntity,
  ControlImplementationEntity,
];
