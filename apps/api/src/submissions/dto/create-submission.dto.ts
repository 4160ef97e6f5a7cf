import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';

/**
 * Who submits is taken from the session or API key, never from the body: a `learnerId` field
 * that older clients still send is dropped by the whitelisting ValidationPipe.
 */
export class CreateSubmissionDto {
  @ApiProperty({ example: 'news-never-awaited' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labId!: string;

  /** Relative path -> file content; the detailed rules are in submission-files.ts. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 'news.py': 'import asyncio\n' } })
  @IsObject()
  files!: Record<string, unknown>;
}
