import { allows } from './auth.guard';
import { cohortReader, maySeeOperations, maySeeUser, submissionScope } from './access-policy';
import { PUBLIC_ORGANIZATION_ID } from '@asynclab/database';
import type { KeyPrincipal, SessionPrincipal } from './principal';
import { parseApiKey, newApiKey, sha256 } from './secrets';
import { decodeCursor, encodeCursor } from '../../../../libs/database/src/repositories/pagination';

const session = (role: SessionPrincipal['role'], isGuest = false): SessionPrincipal => ({
  kind: 'session',
  organizationId: 'org',
  userId: `u-${role}`,
  role,
  isGuest,
  sessionId: 's',
  csrfToken: 'c',
});
const key = (scopes: KeyPrincipal['scopes']): KeyPrincipal => ({ kind: 'key', organizationId: 'org', keyId: 'k', scopes });

describe('who sees how the service runs', () => {
  it("is the service's own organisation's admins and manage keys, never another organisation's", () => {
    const operators = { organizationId: PUBLIC_ORGANIZATION_ID };
    expect(maySeeOperations({ ...session('admin'), ...operators })).toBe(true);
    expect(maySeeOperations({ ...key(['manage']), ...operators })).toBe(true);
    expect(maySeeOperations({ ...session('instructor'), ...operators })).toBe(false);
    expect(maySeeOperations({ ...key(['read', 'submit']), ...operators })).toBe(false);
    expect(maySeeOperations(session('admin'))).toBe(false);
    expect(maySeeOperations(key(['manage']))).toBe(false);
    expect(maySeeOperations(undefined)).toBe(false);
  });
});

describe('route access rules', () => {
  it('lets keys in only with the named scope', () => {
    expect(allows({ keyScope: 'submit' }, key(['read', 'submit']))).toBe(true);
    expect(allows({ keyScope: 'submit' }, key(['read']))).toBe(false);
    expect(allows({ roles: 'any' }, key(['read', 'submit', 'manage']))).toBe(false);
  });

  it('lets guests in only where the rule says so', () => {
    expect(allows({ roles: 'any' }, session('learner', true))).toBe(false);
    expect(allows({ roles: 'any', guests: true }, session('learner', true))).toBe(true);
  });

  it('checks roles', () => {
    expect(allows({ roles: ['admin'] }, session('instructor'))).toBe(false);
    expect(allows({ roles: ['admin'] }, session('admin'))).toBe(true);
    expect(allows({ keyScope: 'submit' }, session('admin'))).toBe(false);
  });
});

describe('what a principal may see', () => {
  it('gives staff and keys a whole cohort, a learner only their own row, a guest nothing', () => {
    expect(cohortReader(session('instructor'))).toEqual({ whole: true });
    expect(cohortReader(session('admin'))).toEqual({ whole: true });
    expect(cohortReader(key(['read']))).toEqual({ whole: true });
    expect(cohortReader(session('learner'))).toEqual({ whole: false, userId: 'u-learner' });
    expect(cohortReader(session('learner', true))).toBeNull();
    expect(cohortReader(session('instructor', true))).toBeNull();
  });

  it('narrows learners and guests to their own submissions, whatever user they ask for', () => {
    expect(submissionScope(session('learner'))).toEqual({ organizationId: 'org', userId: 'u-learner' });
    expect(submissionScope(session('learner'), 'someone-else')).toBeNull();
    expect(submissionScope(session('learner', true), 'u-learner')).toEqual({ organizationId: 'org', userId: 'u-learner' });
  });

  it('opens the organisation to instructors, admins and keys, never beyond it', () => {
    expect(submissionScope(session('instructor'))).toEqual({ organizationId: 'org' });
    expect(submissionScope(key(['read']), 'u1')).toEqual({ organizationId: 'org', userId: 'u1' });
    expect(maySeeUser(session('learner'), 'u1')).toBe(false);
    expect(maySeeUser(session('learner'), 'u-learner')).toBe(true);
  });
});

describe('API keys and cursors', () => {
  it('parses the keys it makes and stores only the secret’s hash', () => {
    const made = newApiKey();
    const parsed = parseApiKey(made.key);
    expect(parsed).toEqual({ prefix: made.prefix, secret: made.key.slice(made.prefix.length + 5) });
    expect(sha256(parsed?.secret ?? '')).toBe(made.secretHash);
    expect(made.secretHash).not.toContain(parsed?.secret);
    expect(parseApiKey('alk_short_x')).toBeNull();
  });

  it('round-trips a cursor and refuses one it did not make', () => {
    const row = { createdAt: new Date('2026-12-01T10:00:00.123Z'), id: '00000000-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(decodeCursor('garbage')).toBeNull();
  });
});
