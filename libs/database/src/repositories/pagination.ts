// Cursor pagination shared by every list: rows ordered newest first by (time, id), where the time
// is created_at for most lists (updated_at for a log whose rows change, like the grade sync log);
// the cursor is the last row's pair, so pages stay stable while new rows arrive.

export interface PageQuery {
  limit: number;
  /** The last row's time in the list's order (created_at unless the list says otherwise) and id. */
  cursor?: { createdAt: Date; id: string };
  since?: Date;
  until?: Date;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The column a list is ordered and windowed by. */
export type PageTimeColumn = 'createdAt' | 'updatedAt';

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

const UUID = /^[0-9a-f-]{36}$/i;

/** Null when the text is not a cursor this API made (ids are uuids unless the list says otherwise). */
export function decodeCursor(text: string, idPattern: RegExp = UUID): { createdAt: Date; id: string } | null {
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (parts.length !== 2) return null;
  const [iso, id] = parts;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || !idPattern.test(id)) return null;
  return { createdAt, id };
}

/**
 * The where-clause part for a page: the time window and "older than the cursor". The cursor's
 * bound `time <= cursor` is implied by the OR but stated too: it is what lets PostgreSQL start an
 * index scan on (…, time, id) at the cursor instead of filtering every newer row.
 */
export function pageWhere(query: PageQuery, column: PageTimeColumn = 'createdAt'): { AND?: object[] } {
  const and: object[] = [];
  if (query.since) and.push({ [column]: { gte: query.since } });
  if (query.until) and.push({ [column]: { lt: query.until } });
  if (query.cursor) {
    const { createdAt: time, id } = query.cursor;
    and.push({ [column]: { lte: time } }, { OR: [{ [column]: { lt: time } }, { [column]: time, id: { lt: id } }] });
  }
  return and.length ? { AND: and } : {};
}

/** Rows were fetched with take: limit + 1; the extra row only says whether there is a next page. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T>;
export function toPage<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date): Page<T>;
export function toPage<T extends { id: string }>(rows: T[], limit: number, timeOf?: (row: T) => Date): Page<T> {
  const time = timeOf ?? ((row: T) => (row as T & { createdAt: Date }).createdAt);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit ? encodeCursor({ createdAt: time(last), id: last.id }) : null };
}
