// Cursor pagination shared by every list: rows ordered newest first by (created_at, id); the
// cursor is the last row's pair, so pages stay stable while new rows arrive.

export interface PageQuery {
  limit: number;
  cursor?: { createdAt: Date; id: string };
  since?: Date;
  until?: Date;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

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

/** The where-clause part for a page: the time window and "older than the cursor". */
export function pageWhere(query: PageQuery): { AND?: object[] } {
  const and: object[] = [];
  if (query.since) and.push({ createdAt: { gte: query.since } });
  if (query.until) and.push({ createdAt: { lt: query.until } });
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  return and.length ? { AND: and } : {};
}

/** Rows were fetched with take: limit + 1; the extra row only says whether there is a next page. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}
