import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import {
  NotificationDeliveryDto,
  NotificationDeliveryPageDto,
  NotificationDto,
  NotificationPageDto,
  ReadAllResultDto,
} from './dto/notification-responses.dto.js';
import { MyNotificationsQueryDto, NotificationDeliveryQueryDto } from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@BearerAuth()
@RequireRoles('admin')
@Controller('notifications/deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationDeliveryPageDto })
  @ApiOperation({
    summary: 'E-mail and chat deliveries',
    description: 'Newest first, with attempts and the last error; filter by status (e.g. `failed`), channel and person (identity or id).',
  })
  list(@Query() query: NotificationDeliveryQueryDto): Promise<NotificationDeliveryPageDto> {
    return this.notifications.listDeliveries(query);
  }

  @Post(':id/redeliver')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDeliveryDto, description: 'The delivery, pending again' })
  @ApiOperation({
    summary: 'Send a delivery again',
    description: 'A delivered, failed or skipped delivery is due again at once, from a fresh attempt count; 409 otherwise.',
  })
  redeliver(@Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDeliveryDto> {
    return this.notifications.redeliver(id);
  }
}

@ApiTags('notifications')
@BearerAuth()
@Controller('me/notifications')
export class MyNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiOperation({ summary: 'My in-app notifications', description: 'Newest first; `unread=true` lists only the unread ones.' })
  list(@Query() query: MyNotificationsQueryDto, @CurrentActor() actor: Actor): Promise<NotificationPageDto> {
    return this.notifications.mine(query, actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllResultDto })
  @ApiOperation({ summary: 'Mark all my notifications read' })
  readAll(@CurrentActor() actor: Actor): Promise<ReadAllResultDto> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiOperation({ summary: 'Mark one of my notifications read', description: "404 for another person's notification." })
  read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<NotificationDto> {
    return this.notifications.markRead(id, actor);
  }
}
