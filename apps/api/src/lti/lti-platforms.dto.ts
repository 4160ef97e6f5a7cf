import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const AUDIENCE =
  'the aud the platform expects in our client assertion, when it is not the token URL (Brightspace: its *Brightspace OAuth2 Audience*)';

export class CreateLtiPlatformDto {
  @ApiProperty({ example: 'Moodle (Acme)' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'https://moodle.acme.test', description: "the platform's issuer (iss of its id_tokens)" })
  @IsString()
  @MaxLength(2000)
  issuer!: string;
  @ApiProperty({ example: 'Zx8bG2Yk', description: 'the client id the platform gave asynclab' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientId!: string;
  @ApiProperty({ type: [String], example: ['1'], description: 'the deployment ids launches may name' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  deploymentIds!: string[];
  @ApiProperty({ example: 'https://moodle.acme.test/mod/lti/auth.php', description: "the platform's OIDC authorisation endpoint" })
  @IsString()
  @MaxLength(2000)
  authLoginUrl!: string;
  @ApiProperty({ example: 'https://moodle.acme.test/mod/lti/token.php', description: "the platform's OAuth2 token endpoint (AGS, NRPS)" })
  @IsString()
  @MaxLength(2000)
  authTokenUrl!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://api.brightspace.com/auth/token', description: AUDIENCE })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  authTokenAudience?: string | null;
  @ApiProperty({ example: 'https://moodle.acme.test/mod/lti/certs.php', description: "the platform's public keyset" })
  @IsString()
  @MaxLength(2000)
  jwksUrl!: string;
}

export class UpdateLtiPlatformDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: [String], description: 'replaces the whole set' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  deploymentIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) authLoginUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) authTokenUrl?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: `${AUDIENCE}; null: the token URL again` })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  authTokenAudience?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) jwksUrl?: string;
}

export class LtiPlatformViewDoc {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: [String] }) deploymentIds!: string[];
  @ApiProperty() authLoginUrl!: string;
  @ApiProperty() authTokenUrl!: string;
  @ApiProperty({ type: String, nullable: true, description: AUDIENCE }) authTokenAudience!: string | null;
  @ApiProperty() jwksUrl!: string;
  @ApiProperty({ enum: ['manual', 'dynamic'] }) registeredVia!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class LtiPlatformsDoc {
  @ApiProperty({ type: [LtiPlatformViewDoc] }) platforms!: LtiPlatformViewDoc[];
}

export class LtiToolConfigurationDoc {
  @ApiProperty({ description: 'OIDC login initiation URL' }) loginUrl!: string;
  @ApiProperty({ description: 'where the platform posts the id_token (redirect URI and default target link)' }) launchUrl!: string;
  @ApiProperty({ type: [String] }) redirectUris!: string[];
  @ApiProperty({ description: 'our public keyset' }) jwksUrl!: string;
  @ApiProperty({ description: 'the deep linking (content selection) URL' }) deepLinkUrl!: string;
  @ApiProperty() domain!: string;
  @ApiProperty({ type: Object, description: "Canvas's developer key JSON (paste into 'Enter JSON')" }) canvasJson!: Record<string, unknown>;
}

export class LtiRegistrationLinkDoc {
  @ApiProperty({ description: "paste into the LMS's dynamic registration; works once" }) url!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
}

export class LtiKeyRotatedDoc {
  @ApiProperty({ description: 'the kid of the key that signs from now on' }) kid!: string;
  @ApiProperty({ description: 'how many keys retired before the overlap were deleted' }) retiredBefore!: number;
}

export class LtiJwksDoc {
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'RSA public keys (RS256), the active one first' })
  keys!: object[];
}
