// The query every list accepts: cursor pagination and a created-at time window.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { decodeCursor, PageQuery } from '@asynclab/database';
import { ErrorCode } from '@asynclab/contracts';
import { RequestException } from '../request.exception';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ description: 'only items created at or after this time (ISO 8601)', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date-time' })
  since?: Date;

  @ApiPropertyOptional({ description: 'only items created before this time (ISO 8601)', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  until?: Date;
}

/** idPattern: the shape of the list's row ids, when they are not uuids. */
export function toPageQuery(dto: PageQueryDto, idPattern?: RegExp): PageQuery {
  const cursor = dto.cursor ? decodeCursor(dto.cursor, idPattern) : undefined;
  if (cursor === null) throw new RequestException(ErrorCode.InvalidCursor, 'cursor is not one this API returned', 'cursor');
  // An empty window is a question (since = until answers nothing); a backwards one is a mistake.
  if (dto.since && dto.until && dto.since > dto.until) {
    throw new RequestException(ErrorCode.ValidationFailed, 'since must not be after until', 'since');
  }
  return { limit: dto.limit ?? DEFAULT_PAGE_SIZE, cursor, since: dto.since, until: dto.until };
}
