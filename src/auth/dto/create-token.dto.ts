import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLE_KEYS_DESCRIPTION } from '../roles.js';
import { SubjectField } from '../subject.js';

export class CreateTokenDto {
  @ApiProperty({
    description:
      'Who the token acts for (a user id or a client name); recorded as the actor of every change. Stored in canonical form (trimmed, Unicode NFKC, lower case): `Alice` and ` alice` are one person for segregation of duties; invisible and control characters are refused.',
    example: 'alice',
    maxLength: 200,
  })
  @SubjectField()
  subject: string;

  @ApiProperty({
    description: `Roles the token carries; each must be defined (400 \`unknown-role\` otherwise). ${ROLE_KEYS_DESCRIPTION}`,
    type: [String],
    example: ['risk-officer', 'dpo'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  roles: string[];

  @ApiPropertyOptional({ description: 'What the token is for', example: 'MLflow webhook bridge' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    description: 'When the token stops working (ISO 8601 date-time, in the future); without it, the token lasts until revoked',
    example: '2027-06-30T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string;
}
