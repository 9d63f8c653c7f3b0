import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLE_DESCRIPTIONS, ROLES, type Role } from '../roles.js';

export class CreateTokenDto {
  @ApiProperty({ description: 'Who the token acts for (a user id or a client name); recorded as the actor of every change', example: 'alice' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiProperty({
    description: 'Roles the token carries:\n' + ROLES.map((r) => `- \`${r}\`: ${ROLE_DESCRIPTIONS[r]}`).join('\n'),
    enum: ROLES,
    isArray: true,
    example: ['risk-officer', 'dpo'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ description: 'What the token is for', example: 'MLflow webhook bridge' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
