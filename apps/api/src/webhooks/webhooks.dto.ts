import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@asynclab/contracts';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://lms.example.test/asynclab/webhooks',
    description: 'http or https; must resolve to public addresses unless allowed',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['submission.completed', 'lab.passed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: WebhookEvent[];
}

export class WebhookSettingsDto {
  @ApiProperty({ description: 'let endpoints resolve to private, loopback or link-local addresses (off by default)' })
  @IsBoolean()
  allowPrivateTargets!: boolean;
}

export class WebhookEndpointViewDoc {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) disabledReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'until when the replaced secret still signs' })
  previousSecretExpiresAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class WebhookEndpointCreatedDoc extends WebhookEndpointViewDoc {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'shown only in this answer' })
  secret!: string;
}

export class WebhookEndpointsDoc {
  @ApiProperty({ type: [WebhookEndpointViewDoc] }) endpoints!: WebhookEndpointViewDoc[];
}

export class WebhookSettingsViewDoc {
  @ApiProperty() allowPrivateTargets!: boolean;
}
