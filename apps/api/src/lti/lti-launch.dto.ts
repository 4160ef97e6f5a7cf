// OpenAPI descriptions of the form posts a platform (or our own pages) send: the handlers read
// the raw fields, since a launch must answer a clear LTI error, not a generic validation one.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LoginInitiationDoc {
  @ApiProperty({ description: "the platform's issuer" }) iss!: string;
  @ApiProperty() login_hint!: string;
  @ApiProperty({ description: 'an asynclab URL: where the launch lands' }) target_link_uri!: string;
  @ApiPropertyOptional() lti_message_hint?: string;
  @ApiPropertyOptional({ description: 'needed when several registrations share the issuer' }) client_id?: string;
  @ApiPropertyOptional() lti_deployment_id?: string;
  @ApiPropertyOptional({ description: "the platform's client-side storage frame (LTI client-side postMessages)" })
  lti_storage_target?: string;
}

export class LaunchFormDoc {
  @ApiProperty({ description: "the platform's signed id_token" }) id_token!: string;
  @ApiProperty({ description: 'the state our login initiation sent' }) state!: string;
}

export class LaunchConfirmationDoc {
  @ApiProperty({ description: 'the single-use ticket of the binding page' }) ticket!: string;
  @ApiProperty({ description: "the state as read back from the platform's storage" }) state!: string;
}

export class DeepLinkSelectionDoc {
  @ApiProperty({ description: 'the picker page’s single-use token' }) token!: string;
  @ApiProperty({ type: [String], description: 'the picked lab ids' }) labIds!: string[];
  @ApiProperty({ example: '2026-12-24', description: 'the assignments are due at the end of this day (UTC)' }) dueDate!: string;
}
