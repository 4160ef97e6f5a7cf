// The `next` target of an HTTP Link header (RFC 8288), as NRPS pages its roster with. Only what
// paging needs: `<uri>; rel="next"` entries, relative URIs resolved against the page's own URL.

/** The URL of rel="next", or null. Several rel values ("next last") count; parameters may be quoted or not. */
export function nextLinkOf(header: string | null, base: string): string | null {
  if (!header) return null;
  for (const entry of splitEntries(header)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(entry);
    if (!match) continue;
    const [, target, params] = match;
    for (const param of params.split(';')) {
      const rel = /^\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))\s*$/i.exec(param);
      const values = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
      if (values.includes('next')) {
        try {
          return new URL(target, base).toString();
        } catch {
          return null;
        }
      }
    }
  }
  return null;
}

/** Splits at the commas between entries, never inside <...> or a quoted string. */
function splitEntries(header: string): string[] {
  const entries: string[] = [];
  let current = '';
  let inUri = false;
  let inQuotes = false;
  for (const ch of header) {
    if (ch === '<' && !inQuotes) inUri = true;
    else if (ch === '>' && !inQuotes) inUri = false;
    else if (ch === '"' && !inUri) inQuotes = !inQuotes;
    if (ch === ',' && !inUri && !inQuotes) {
      entries.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  entries.push(current);
  return entries;
}
