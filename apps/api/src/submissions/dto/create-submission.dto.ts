import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateSubmissionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labId!: string;

  /** Relative path -> file content; the detailed rules are in submission-files.ts. */
  @IsObject()
  files!: Record<string, unknown>;

  /** Who submitted, as the caller (web page or LMS) names them; used for history. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  learnerId?: string;
}
