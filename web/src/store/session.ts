// Who this browser is, asked once at start: an account, a guest identity made on the first visit
// (so the catalog and playground work without a form), or nobody where guests are not allowed.
import { ensureSession } from '../api/client';
import type { Me } from '../api/types';

let current: Promise<Me | null> | null = null;

export function session(): Promise<Me | null> {
  current ??= ensureSession().catch(() => null);
  return current;
}
