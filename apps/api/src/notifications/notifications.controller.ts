// What an organisation's admins must know (for now: a webhook endpoint disabled after repeated
// failure or a 410), shown on the admin page. Admins and keys with `manage`; another
// organisation's notification answers 404.
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type NotificationKind, type OrganizationNotificationView } from '@asynclab/contracts';
import { NotificationsRepository, type NotificationRow } from '@asynclab/database';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ListNotificationsQuery, MarkedReadDoc, NotificationsDoc, NotificationViewDoc } from './notifications.dto';
import { NotificationsException } from './notifications.exception';

@ApiTags('notifications')
@Controller('notifications')
@Access({ roles: ['admin'], keyScope: 'manage' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsRepository) {}

  @Get()
  @ApiOperation({ summary: "The organisation's notifications, newest first, with how many are unread" })
  @ApiOkResponse({ type: NotificationsDoc })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
  ): Promise<{ notifications: OrganizationNotificationView[]; unread: number }> {
    const { organizationId } = principal;
    const [rows, unread] = await Promise.all([
      this.notifications.list(organizationId, { unreadOnly: query.unread ?? false, limit: query.limit ?? 50 }),
      this.notifications.countUnread(organizationId),
    ]);
    return { notifications: rows.map(notificationView), unread };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification read' })
  @ApiOkResponse({ type: MarkedReadDoc })
  async readAll(@CurrentPrincipal() principal: Principal): Promise<{ marked: number }> {
    return { marked: await this.notifications.markAllRead(principal.organizationId) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read (again: it keeps the first time)' })
  @ApiOkResponse({ type: NotificationViewDoc })
  async read(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OrganizationNotificationView> {
    const row = await this.notifications.markRead(principal.organizationId, id);
    if (!row) throw new NotificationsException(ErrorCode.NotificationNotFound, `notification "${id}" does not exist`, 'id');
    return notificationView(row);
  }
}

function notificationView(row: NotificationRow): OrganizationNotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    message: row.message,
    endpointId: row.endpointId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
