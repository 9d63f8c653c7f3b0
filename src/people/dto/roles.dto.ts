import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageOf } from '../../common/dto/page.dto.js';
import type { RoleEntity } from '../entities/role.entity.js';
import { NotificationPreferencesDto } from './notification-preferences.dto.js';

/** A role key: lowercase letters and digits in words joined by single hyphens (`ethics-board`). */
export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ROLE_KEY_RULE = 'must be a lowercase slug: letters and digits in words joined by single hyphens, starting with a letter (ethics-board)';

export class CreateRoleDto {
  @ApiProperty({ description: `The role's key, as tokens, people and BPMN candidate groups name it; ${ROLE_KEY_RULE}`, example: 'ethics-board', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(ROLE_KEY_PATTERN, { message: `key ${ROLE_KEY_RULE}` })
  key: string;

  @ApiProperty({ example: 'Ethics board', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'reviews high-impact AI use cases before deployment', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({
    type: NotificationPreferencesDto,
    nullable: true,
    description: 'How holders of the role hear of each kind of event unless they chose otherwise; null or absent: the built-in defaults',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationPreferencesDto)
  notificationDefaults?: NotificationPreferencesDto | null;
}

export class UpdateRoleDto {
  @ApiPropertyOptional({ description: `A new key (not for built-in roles, nor while the role is in use); ${ROLE_KEY_RULE}`, example: 'ai-ethics-board' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(ROLE_KEY_PATTERN, { message: `key ${ROLE_KEY_RULE}` })
  key?: string;

  @ApiPropertyOptional({ example: 'AI ethics board', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'reviews high-impact AI use cases', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: NotificationPreferencesDto, nullable: true, description: 'Replaces the defaults; null: the built-in defaults' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationPreferencesDto)
  notificationDefaults?: NotificationPreferencesDto | null;
}

export class RoleDto {
  @ApiProperty({ example: 'ethics-board' })
  key: string;

  @ApiProperty({ example: 'Ethics board' })
  name: string;

  @ApiProperty({ example: 'reviews high-impact AI use cases before deployment' })
  description: string;

  @ApiProperty({ description: 'Shipped with aimsflow: route permissions name it; it cannot be deleted or re-keyed', example: false })
  builtIn: boolean;

  @ApiProperty({
    type: NotificationPreferencesDto,
    nullable: true,
    description: "Holders' notification defaults by kind of event; null: the built-in defaults",
  })
  notificationDefaults: NotificationPreferencesDto | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;
}

export class RolePageDto extends PageOf(RoleDto) {}

export function toRoleDto(role: RoleEntity): RoleDto {
  return {
    key: role.key,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    notificationDefaults: role.notificationDefaults,
    createdAt: role.createdAt,
    updatedAt: role.updatedAt,
  };
}
