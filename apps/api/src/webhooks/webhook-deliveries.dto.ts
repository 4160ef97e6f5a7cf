// The delivery log's query, the redeliver-many body, and their OpenAPI answer shapes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDate, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@asynclab/contracts';
import { DELIVERY_ID_PATTERN } from '@asynclab/database';
import { PageQueryDto } from '../common/dto/page-query.dto';
import { MAX_REDELIVER_BATCH } from './webhook-deliveries.service';

export class ListDeliveriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES, { message: `status must be one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}` })
  status?: (typeof WEBHOOK_DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS })
  @IsOptional()
  @IsIn(WEBHOOK_EVENTS, { message: `event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  event?: string;
}

const REDELIVERABLE = ['failed', 'succeeded'] as const;

export class RedeliverManyDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_REDELIVER_BATCH,
    description: "these deliveries (all must be this endpoint's); not with a filter",
    example: ['msg_2bS4d1J0eXq8ZK3m1QeN3pW7'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REDELIVER_BATCH)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(DELIVERY_ID_PATTERN, { each: true, message: 'each of deliveryIds must be a delivery id (msg_…)' })
  deliveryIds?: string[];

  @ApiPropertyOptional({
    enum: REDELIVERABLE,
    default: 'failed',
    description: 'the filter: deliveries that ended so (pending ones are on their way already)',
  })
  @IsOptional()
  @IsIn(REDELIVERABLE, { message: 'status must be failed or succeeded' })
  status?: (typeof REDELIVERABLE)[number];

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'the filter: made at or after this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date-time' })
  since?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'the filter: made before this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  until?: Date;
}

export class WebhookAttemptViewDoc {
  @ApiProperty({ enum: ['succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) responseCode!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: String, nullable: true, description: 'the first 4 KiB of the answer' }) responseBody!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class WebhookDeliveryViewDoc {
  @ApiProperty({ description: 'the webhook-id header of every attempt' }) id!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: string;
  @ApiProperty({ description: '0 for the first send, one more per redelivery' }) redelivery!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "when this round's job reached the queue" })
  queuedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [WebhookAttemptViewDoc] }) attempts!: WebhookAttemptViewDoc[];
}

export class WebhookDeliveriesDoc {
  @ApiProperty({ type: [WebhookDeliveryViewDoc] }) deliveries!: WebhookDeliveryViewDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next (older) page; null on the last' })
  nextCursor!: string | null;
}

export class WebhookRedeliveryResultDoc {
  @ApiProperty({ type: [String], description: 'queued again, each with its own webhook-id' }) redelivered!: string[];
  @ApiProperty({ type: [String], description: 'pending already (queued, retrying or waiting for the sweeper): left as they are' })
  alreadyPending!: string[];
  @ApiProperty({ description: `more than ${String(MAX_REDELIVER_BATCH)} matched: call again for the rest` }) more!: boolean;
}
