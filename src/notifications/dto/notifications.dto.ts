import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SubjectField } from '../../auth/subject.js';
import { PageQueryDto } from '../../common/pagination.js';
import {
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  NOTIFICATION_DELIVERY_STATUSES,
  type NotificationDeliveryStatus,
} from '../entities/notification-delivery.entity.js';

export class NotificationDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_DELIVERY_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(NOTIFICATION_DELIVERY_STATUSES)
  status?: NotificationDeliveryStatus;

  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS, example: 'email' })
  @IsOptional()
  @IsIn(DELIVERY_CHANNELS)
  channel?: DeliveryChannel;

  @ApiPropertyOptional({
    description:
      "The recipient's identity (in canonical form: `Carla` is `carla`; an identity-provider `<issuer>#<sub>` is kept verbatim) or people-directory id",
    example: 'carla',
  })
  @IsOptional()
  @SubjectField()
  person?: string;
}

export class MyNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: only unread ones; `false`: only read ones', example: 'true' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}
