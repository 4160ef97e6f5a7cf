import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ApiKeyCreated, ApiKeyListing } from '@asynclab/contracts';
import { API_KEY_SCOPES, ApiKeyRow, ApiKeyScope } from '@asynclab/database';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Moodle production' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['read', 'submit'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true, message: `scopes may hold only ${API_KEY_SCOPES.join(', ')}` })
  scopes!: ApiKeyScope[];
}

export class ApiKeyView implements ApiKeyListing {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the public part of the key, alk_<prefix>_…' }) prefix!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
}

export class ApiKeyCreatedView extends ApiKeyView implements ApiKeyCreated {
  @ApiProperty({ description: 'the whole key: shown this once and never again' }) key!: string;
}

export function toKeyView(row: ApiKeyRow): ApiKeyListing {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
