import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROLE_KEYS_DESCRIPTION } from '../../auth/roles.js';
import { PageOf } from '../../common/dto/page.dto.js';
import { PageQueryDto } from '../../common/pagination.js';
import type { ChatTarget } from '../../common/people-directory.js';
import type { PersonSource } from '../entities/person.entity.js';
import { EffectiveNotificationPreferencesDto, NotificationPreferencesDto } from './notification-preferences.dto.js';

const IDENTITY_DESCRIPTION =
  'What actors, tasks and the audit trail name the person by: an API token subject (`alice`, stored in canonical form) or, for someone signing in through the identity provider, `<issuer>#<sub>` (kept verbatim)';

export class ChatTargetDto implements ChatTarget {
  @ApiProperty({ enum: ['slack', 'teams'], example: 'slack' })
  @IsIn(['slack', 'teams'])
  format: 'slack' | 'teams';

  @ApiProperty({
    description: 'The incoming-webhook URL: https, on a host that is neither private, loopback nor link-local (the webhook target rules)',
    example: 'https://hooks.slack.com/services/T000/B000/XXXX',
  })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  url: string;
}

export class PeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the display name, e-mail or identity (any case)', example: 'alice' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'People holding this role (from the identity provider or assigned)', example: 'risk-officer' })
  @IsOptional()
  @IsString()
  role?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active, or only deactivated, people' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class CreatePersonDto {
  @ApiProperty({ description: IDENTITY_DESCRIPTION, example: 'alice', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  identity: string;

  @ApiProperty({ example: 'Alice Adams', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({ example: 'alice@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({
    type: [String],
    description: `Roles an administrator gives the person; each must be defined. ${ROLE_KEYS_DESCRIPTION}`,
    example: ['risk-officer'],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  assignedRoles?: string[];
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ example: 'Alice Baker', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'alice@example.org' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ description: 'Admins only: a deactivated person cannot act (401 `person-inactive`) nor be handed tasks', example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: `Admins only: replaces the assigned roles; each must be defined. ${ROLE_KEYS_DESCRIPTION}`,
    example: ['ethics-board'],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  assignedRoles?: string[];

  @ApiPropertyOptional({ type: NotificationPreferencesDto, description: "Replaces the person's own choices; kinds left out follow their roles' defaults" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationPreferencesDto)
  notificationPreferences?: NotificationPreferencesDto;

  @ApiPropertyOptional({ type: ChatTargetDto, nullable: true, description: 'Where chat notifications go; null: nowhere' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => ChatTargetDto)
  chatTarget?: ChatTargetDto | null;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: IDENTITY_DESCRIPTION, example: 'https://id.example.org#248289761001' })
  identity: string;

  @ApiProperty({ example: 'Alice Adams' })
  displayName: string;

  @ApiProperty({ type: String, nullable: true, example: 'alice@example.org' })
  email: string | null;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({
    enum: ['oidc', 'admin', 'token'],
    description: 'How the person came into the directory: signed in, registered by an admin, or first seen with an API token',
  })
  source: PersonSource;

  @ApiProperty({
    type: [String],
    description: 'The identity-provider roles and the assigned ones together (built-in or organisation-defined keys)',
    example: ['risk-officer', 'ethics-board'],
  })
  roles: string[];

  @ApiProperty({ type: [String], description: "Mapped from the identity provider's groups at the last sign-in", example: ['risk-officer'] })
  idpRoles: string[];

  @ApiProperty({ type: [String], description: 'Given by an administrator', example: ['ethics-board'] })
  assignedRoles: string[];

  @ApiProperty({ type: NotificationPreferencesDto, description: "The person's own choices by kind of event (the rest follows their roles)" })
  notificationPreferences: NotificationPreferencesDto;

  @ApiProperty({
    enum: ['slack', 'teams'],
    nullable: true,
    description: 'The format of their chat target, if they set one (the URL, a credential, only on GET /me)',
  })
  chatFormat: 'slack' | 'teams' | null;

  @ApiProperty({ type: Date, nullable: true })
  lastSeenAt: Date | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;
}

export class PersonPageDto extends PageOf(PersonDto) {}

export class EffectiveNotificationSettingsDto {
  @ApiProperty({ type: EffectiveNotificationPreferencesDto, description: "Every kind: the person's choice, else their roles' default, else the built-in one" })
  preferences: EffectiveNotificationPreferencesDto;

  @ApiProperty({ type: ChatTargetDto, nullable: true })
  chat: ChatTargetDto | null;
}

/** The caller: their person and what this request acts with. */
export class MeDto extends PersonDto {
  @ApiProperty({
    type: [String],
    description: "The roles this request acts with (an API token's own roles, or the signed-in person's)",
    example: ['risk-officer'],
  })
  actingRoles: string[];

  @ApiProperty({ type: ChatTargetDto, nullable: true })
  chatTarget: ChatTargetDto | null;

  @ApiProperty({ type: EffectiveNotificationSettingsDto })
  notificationSettings: EffectiveNotificationSettingsDto;
}
