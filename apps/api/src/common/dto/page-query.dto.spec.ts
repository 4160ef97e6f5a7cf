// The shared page query: a cursor must be one the API made, the window must not run backwards, and
// a list ordered by another time column (the grade sync log's updated_at) pages on that column.
import { ErrorCode } from '@asynclab/contracts';
import { decodeCursor, pageWhere, toPage } from '../../../../../libs/database/src/repositories/pagination';
import { PageQueryDto, toPageQuery } from './page-query.dto';

const dto = (fields: Partial<PageQueryDto>) => Object.assign(new PageQueryDto(), fields);
/** What toPageQuery threw, as the error filter reads it. */
function refusal(fields: Partial<PageQueryDto>): { code?: string; field?: string } {
  try {
    toPageQuery(dto(fields));
  } catch (error) {
    return error as { code?: string; field?: string };
  }
  throw new Error('toPageQuery accepted it');
}

const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';
const T = new Date('2026-12-01T10:00:00.123Z');

describe('toPageQuery', () => {
  it('defaults the limit and refuses a cursor it did not make', () => {
    expect(toPageQuery(dto({}))).toEqual({ limit: 50, cursor: undefined, since: undefined, until: undefined });
    expect(refusal({ cursor: 'bm90LWEtY3Vyc29y' })).toMatchObject({ code: ErrorCode.InvalidCursor, field: 'cursor' });
  });

  it('refuses since after until, naming since, and lets an empty window through', () => {
    const later = new Date(T.getTime() + 1);
    expect(refusal({ since: later, until: T })).toMatchObject({ code: ErrorCode.ValidationFailed, field: 'since' });
    expect(toPageQuery(dto({ since: T, until: T }))).toMatchObject({ since: T, until: T });
  });
});

describe('pagination on another time column', () => {
  it('windows and continues after the cursor on that column, the id breaking ties', () => {
    const where = pageWhere({ limit: 2, cursor: { createdAt: T, id: ID_B }, since: T }, 'updatedAt');
    expect(where).toEqual({
      AND: [{ updatedAt: { gte: T } }, { updatedAt: { lte: T } }, { OR: [{ updatedAt: { lt: T } }, { updatedAt: T, id: { lt: ID_B } }] }],
    });
    expect(JSON.stringify(where)).not.toContain('createdAt');
  });

  it("puts the last row's own time in the next cursor", () => {
    const rows = [
      { id: ID_B, updatedAt: T, createdAt: new Date(0) },
      { id: ID_A, updatedAt: T, createdAt: new Date(0) },
    ];
    const page = toPage(rows, 1, (row) => row.updatedAt);
    expect(page.items).toEqual([rows[0]]);
    expect(decodeCursor(page.nextCursor ?? '')).toEqual({ createdAt: T, id: ID_B });
    expect(toPage(rows, 2, (row) => row.updatedAt).nextCursor).toBeNull();
  });
});
