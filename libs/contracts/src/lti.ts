// What the LTI admin endpoints answer (docs/lti.md).

export interface LtiPlatformView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  authTokenUrl: string;
  /** The aud of our client assertion when the platform wants its own; null: the token URL. */
  authTokenAudience: string | null;
  jwksUrl: string;
  registeredVia: 'manual' | 'dynamic';
  createdAt: Date;
}

/** The values an LMS admin enters when registering asynclab as a tool. */
export interface LtiToolConfiguration {
  loginUrl: string;
  launchUrl: string;
  redirectUris: string[];
  jwksUrl: string;
  deepLinkUrl: string;
  domain: string;
  /** The JSON an LMS that takes a tool configuration document (Canvas) accepts. */
  canvasJson: Record<string, unknown>;
}

export interface LtiRegistrationLink {
  /** Paste into the LMS's dynamic registration ("register by URL"); works once. */
  url: string;
  expiresAt: Date;
}
