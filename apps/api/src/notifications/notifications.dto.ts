import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS } from '@asynclab/contracts';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'only the ones not marked read yet', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class NotificationViewDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ description: 'for a person: what happened and what to do' }) message!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the webhook endpoint it is about, while it exists' }) endpointId!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: Date | null;
}

export class NotificationsDoc {
  @ApiProperty({ type: [NotificationViewDoc] }) notifications!: NotificationViewDoc[];
  @ApiProperty({ description: 'how many are not read yet, in all' }) unread!: number;
}

export class MarkedReadDoc {
  @ApiProperty({ description: 'how many were marked read by this call' }) marked!: number;
}
