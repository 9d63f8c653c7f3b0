import { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import { AuditEventEntity } from '../audit-trail/entities/audit-event.entity.js';
import { ApiTokenEntity } from '../auth/entities/api-token.entity.js';
import { ControlImplementationEntity } from '../controls/entities/control-implementation.entity.js';
import { MessageSubscriptionEntity } from '../processes/entities/message-subscription.entity.js';
import { ProcessDefinitionEntity } from '../processes/entities/process-definition.entity.js';
import { ProcessHistoryEntity } from '../processes/entities/process-history.entity.js';
import { ProcessIncidentEntity } from '../processes/entities/process-incident.entity.js';
import { ProcessInstanceEntity } from '../processes/entities/process-instance.entity.js';
import { ProcessExternalJobEntity } from '../processes/entities/process-external-job.entity.js';
import { ProcessJobEntity } from '../processes/entities/process-job.entity.js';
import { ProcessMessageEntity } from '../processes/entities/process-message.entity.js';
import { EvidenceEntity } from '../evidence/entities/evidence.entity.js';
import { DecisionEntity } from '../rules/entities/decision.entity.js';
import { RuleSetVersionEntity } from '../rules/entities/rule-set-version.entity.js';
import { RuleSetEntity } from '../rules/entities/rule-set.entity.js';
import { TaskEntity } from '../tasks/entities/task.entity.js';
import { AuditEntity } from '../audits/entities/audit.entity.js';
import { IncidentEntity } from '../incidents/entities/incident.entity.js';
import { PolicyAcknowledgementEntity, PolicyEntity } from '../policies/entities/policy.entity.js';
import { FormEntity } from '../forms/entities/form.entity.js';
import { ObjectiveEntity, ObjectiveMeasurementEntity } from '../objectives/entities/objective.entity.js';
import { ManagementReviewInputEntity } from '../management-review/entities/management-review-input.entity.js';
import { ImpactAssessmentEntity } from '../impact-assessments/entities/impact-assessment.entity.js';
import { NonconformityEntity } from '../nonconformities/entities/nonconformity.entity.js';
import { PersonEntity } from '../people/entities/person.entity.js';
import { RoleEntity } from '../people/entities/role.entity.js';
import { RiskEntity } from '../risks/entities/risk.entity.js';
import { NotificationDeliveryEntity } from '../notifications/entities/notification-delivery.entity.js';
import { NotificationEntity } from '../notifications/entities/notification.entity.js';
import { OutboxEventEntity } from '../webhooks/entities/outbox-event.entity.js';
import { WebhookDeliveryEntity } from '../webhooks/entities/webhook-delivery.entity.js';
import { WebhookSubscriptionEntity } from '../webhooks/entities/webhook-subscription.entity.js';

/** Every entity, for the Nest data source and the migration CLI alike. */
export const entities = [
  ApiTokenEntity,
  AiSystemEntity,
  AuditEventEntity,
  RuleSetEntity,
  RuleSetVersionEntity,
  DecisionEntity,
  ControlImplementationEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  ProcessHistoryEntity,
  ProcessJobEntity,
  ProcessExternalJobEntity,
  ProcessIncidentEntity,
  MessageSubscriptionEntity,
  ProcessMessageEntity,
  TaskEntity,
  WebhookSubscriptionEntity,
  OutboxEventEntity,
  WebhookDeliveryEntity,
  ImpactAssessmentEntity,
  RiskEntity,
  NonconformityEntity,
  AuditEntity,
  RoleEntity,
  PersonEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  EvidenceEntity,
  IncidentEntity,
  PolicyEntity,
  FormEntity,
  PolicyAcknowledgementEntity,
  ObjectiveEntity,
  ObjectiveMeasurementEntity,
  ManagementReviewInputEntity,
];
