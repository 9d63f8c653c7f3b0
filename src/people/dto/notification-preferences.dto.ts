import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../../common/people-directory.js';

/** How one kind of event reaches a person. */
export class NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'Where it goes; empty: nowhere', example: ['in-app', 'email'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true, message: `each channel must be one of: ${NOTIFICATION_CHANNELS.join(', ')}` })
  channels: NotificationChannel[];

  @ApiProperty({ enum: ['immediate', 'daily'], description: 'At once, or gathered in the daily digest', example: 'immediate' })
  @IsIn(['immediate', 'daily'])
  digest: 'immediate' | 'daily';
}

/** Preferences by kind of event; a kind left out falls back (a person's to their roles', a role's to the built-in default). */
export class NotificationPreferencesDto implements Partial<Record<NotificationKind, NotificationPreferenceDto>> {
  declare 'task-available'?: NotificationPreferenceDto;
  declare 'task-assigned'?: NotificationPreferenceDto;
  declare 'task-due-soon'?: NotificationPreferenceDto;
  declare 'task-overdue'?: NotificationPreferenceDto;
  declare 'task-reminder'?: NotificationPreferenceDto;
  declare 'task-escalated'?: NotificationPreferenceDto;
  declare 'work-returned'?: NotificationPreferenceDto;
  declare 'approval-waiting-on-you'?: NotificationPreferenceDto;
  declare 'evidence-expiring'?: NotificationPreferenceDto;
  declare 'evidence-expired'?: NotificationPreferenceDto;
}

// The decorators of the properties above, one per kind (NOTIFICATION_KINDS): an unknown kind is refused (400 naming it) like any unknown field.
for (const kind of NOTIFICATION_KINDS) {
  const target = NotificationPreferencesDto.prototype;
  ApiPropertyOptional({ type: NotificationPreferenceDto, description: `How \`${kind}\` reaches the person` })(target, kind);
  IsOptional()(target, kind);
  ValidateNested()(target, kind);
  Type(() => NotificationPreferenceDto)(target, kind);
}

/** Every kind with its effective preference. */
export class EffectiveNotificationPreferencesDto implements Record<NotificationKind, NotificationPreferenceDto> {
  declare 'task-available': NotificationPreferenceDto;
  declare 'task-assigned': NotificationPreferenceDto;
  declare 'task-due-soon': NotificationPreferenceDto;
  declare 'task-overdue': NotificationPreferenceDto;
  declare 'task-reminder': NotificationPreferenceDto;
  declare 'task-escalated': NotificationPreferenceDto;
  declare 'work-returned': NotificationPreferenceDto;
  declare 'approval-waiting-on-you': NotificationPreferenceDto;
  declare 'evidence-expiring': NotificationPreferenceDto;
  declare 'evidence-expired': NotificationPreferenceDto;
}

for (const kind of NOTIFICATION_KINDS) {
  ApiProperty({ type: NotificationPreferenceDto, description: `How \`${kind}\` reaches the person` })(EffectiveNotificationPreferencesDto.prototype, kind);
}
