import { Foundation1764403200000 } from './1764403200000-foundation.js';
import { Rules1764489600000 } from './1764489600000-rules.js';
import { Processes1764576000000 } from './1764576000000-processes.js';
import { Webhooks1764662400000 } from './1764662400000-webhooks.js';
import { Integrations1764748800000 } from './1764748800000-integrations.js';
import { Registers1764835200000 } from './1764835200000-registers.js';
import { WithdrawnRegisterRows1764921600000 } from './1764921600000-withdrawn-register-rows.js';
import { IdempotencyCommitted1765008000000 } from './1765008000000-idempotency-committed.js';
import { TokenExpiry1765094400000 } from './1765094400000-token-expiry.js';
import { OwnershipIndexes1765180800000 } from './1765180800000-ownership-indexes.js';
import { CanonicalSubjects1765267200000 } from './1765267200000-canonical-subjects.js';
import { IdempotencyWithoutSecrets1765353600000 } from './1765353600000-idempotency-without-secrets.js';
import { ManualClock1765440000000 } from './1765440000000-manual-clock.js';
import { RuleSimulations1765526400000 } from './1765526400000-rule-simulations.js';
import { CallDepth1765612800000 } from './1765612800000-call-depth.js';
import { PeopleAndRoles1765699200000 } from './1765699200000-people-and-roles.js';
import { Sessions1765785600000 } from './1765785600000-sessions.js';
import { Notifications1765872000000 } from './1765872000000-notifications.js';
import { Evidence1766044800000 } from './1766044800000-evidence.js';
import { Incidents1766131200000 } from './1766131200000-incidents.js';
import { Policies1766131300000 } from './1766131300000-policies.js';
import { Objectives1766131350000 } from './1766131350000-objectives.js';
import { ManagementReviewInputs1766131380000 } from './1766131380000-management-review-inputs.js';
import { ExternalJobs1766217600000 } from './1766217600000-external-jobs.js';
import { AuditPacks1766304000000 } from './1766304000000-audit-packs.js';
import { AuditPackRetention1766736000000 } from './1766736000000-audit-pack-retention.js';
import { NotificationNotices1766390400000 } from './1766390400000-notification-notices.js';
import { BpmnMessagesSignals1766476800000 } from './1766476800000-bpmn-messages-signals.js';
import { CamundaForms1766649600000 } from './1766649600000-camunda-forms.js';

/** Every migration, in order. Listed explicitly: globs don't work the same under ESM, ts-jest and dist/. */
export const migrations = [
  Foundation1764403200000,
  Rules1764489600000,
  Processes1764576000000,
  Webhooks1764662400000,
  Integrations1764748800000,
  Registers1764835200000,
  WithdrawnRegisterRows1764921600000,
  IdempotencyCommitted1765008000000,
  TokenExpiry1765094400000,
  OwnershipIndexes1765180800000,
  CanonicalSubjects1765267200000,
  IdempotencyWithoutSecrets1765353600000,
  ManualClock1765440000000,
  RuleSimulations1765526400000,
  CallDepth1765612800000,
  PeopleAndRoles1765699200000,
  Sessions1765785600000,
  Notifications1765872000000,
  Evidence1766044800000,
  Incidents1766131200000,
  Policies1766131300000,
  Objectives1766131350000,
  ManagementReviewInputs1766131380000,
  ExternalJobs1766217600000,
  AuditPacks1766304000000,
  NotificationNotices1766390400000,
  BpmnMessagesSignals1766476800000,
  CamundaForms1766649600000,
  AuditPackRetention1766736000000,
];
