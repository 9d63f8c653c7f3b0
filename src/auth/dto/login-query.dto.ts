import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginQueryDto {
  @ApiPropertyOptional({ description: 'Where to come back after sign-in: a path on this site (default `/`)', example: '/console/tasks?status=open' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}
