// The bodies of the accounts, keys and LMS endpoints, as the API builds them and the web page and
// LMSs read them (through Wire<> on the client: dates arrive as ISO strings).

export type Role = 'learner' | 'instructor' | 'admin';
export type ApiKeyScope = 'read' | 'submit' | 'manage';

/** GET /auth/me and the answer to sign-in, sign-up and guest. */
export interface Me {
  userId: string;
  organizationId: string;
  /** The organisation's slug. */
  organization: string;
  role: Role;
  isGuest: boolean;
  email: string | null;
  displayName: string | null;
  /** Echoed in the X-CSRF-Token header on every cookie-authenticated write. */
  csrfToken: string;
}

export interface SessionListing {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ApiKeyListing {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The answer to creating a key: the only time the whole key is shown. */
export interface ApiKeyCreated extends ApiKeyListing {
  key: string;
}

export interface UserListing {
  id: string;
  role: string;
  externalId: string | null;
  email: string | null;
  displayName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A learner's standing on one lab (GET /users/:userId/results). */
export interface LabResult {
  labId: string;
  attempts: number;
  bestScore: number | null;
  passed: boolean;
  lastAttemptAt: Date;
}

export interface InvitationCreated {
  id: string;
  email: string;
  role: string;
  expiresAt: Date;
  token: string;
  signUpUrl: string;
}
