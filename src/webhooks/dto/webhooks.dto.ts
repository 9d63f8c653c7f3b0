import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { EVENT_TYPE_NAMES } from '../event-types.js';

export class CreateSubscriptionDto {
  @ApiProperty({ description: 'Where deliveries are POSTed (http or https)', example: 'https://hooks.example.com/aimsflow' })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    description: `Event types, or wildcards such as \`task.*\` or \`*\`. Types: ${EVENT_TYPE_NAMES.join(', ')}`,
    example: ['ai-system.*', 'task.*', 'nonconformity.raised'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  eventTypes: string[];

  @ApiPropertyOptional({ example: 'Ticketing bridge' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivering', 'succeeded', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivering', 'succeeded', 'failed'])
  status?: string;
}
