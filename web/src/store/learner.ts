// The learner's id: random, made once per browser and kept in localStorage. It is not a login;
// it only ties a browser's attempts together for the catalog and the history.
import { readJson, writeJson } from './storage';

const KEY = 'asynclab:learner-id';

export function learnerId(): string {
  const stored = readJson(KEY);
  if (typeof stored === 'string' && /^web-[0-9a-f]{32}$/.test(stored)) return stored;
  // getRandomValues works on plain http too, where crypto.randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  writeJson(KEY, id);
  return id;
}
