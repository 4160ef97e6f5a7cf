// The claims of a verified id_token, checked message by message (IMS LTI 1.3 core 5.3-5.4, Deep
// Linking 2.0 4.4, AGS 2.0 3.1, NRPS 2.0 3.6) into what the launch needs. Pure: the signature,
// iss, aud and exp are verified before (verify-id-token.ts); this names the first claim at fault.
import type { JWTPayload } from 'jose';
import { LTI_VERSION, LtiClaim, LtiMessageType, type LaunchMessageType } from './lti-claims';
import { courseRoleOf, type LtiCourseRole } from './lti-roles';

export class LtiClaimError extends Error {}

export interface LaunchContext {
  id: string;
  title: string | null;
}

export interface DeepLinkingSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptMultiple: boolean;
  /** Opaque to us; returned as is in the response's data claim. */
  data: string | null;
}

export interface LaunchClaims {
  messageType: LaunchMessageType;
  subject: string;
  nonce: string;
  deploymentId: string;
  targetLinkUri: string;
  role: LtiCourseRole;
  roles: string[];
  name: string | null;
  email: string | null;
  context: LaunchContext | null;
  resourceLinkId: string | null;
  custom: Record<string, string>;
  ags: { lineitems: string | null; lineitem: string | null; scopes: string[] } | null;
  membershipsUrl: string | null;
  deepLinking: DeepLinkingSettings | null;
  /** launch_presentation.document_target: iframe, window or frame. */
  documentTarget: string | null;
}

type Claims = JWTPayload & Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function requiredString(claims: Claims, name: string, what: string): string {
  const value = claims[name];
  if (typeof value !== 'string' || value.length === 0) throw new LtiClaimError(`the ${what} claim (${name}) is missing`);
  return value;
}

function stringArray(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    throw new LtiClaimError(`the ${what} claim must be an array of strings`);
  return value as string[];
}

/** iat must not lie in the future beyond the tolerated skew (jose checks exp and nbf). */
export function checkIssuedAt(claims: JWTPayload, now: Date, skewSeconds: number): void {
  if (typeof claims.iat !== 'number') throw new LtiClaimError('the iat claim is missing');
  if (claims.iat > now.getTime() / 1000 + skewSeconds)
    throw new LtiClaimError('the token was issued in the future (iat beyond the allowed clock skew)');
}

/** With several audiences the token must name us as its authorised party (OIDC core 3.1.3.7). */
export function checkAuthorizedParty(claims: JWTPayload, clientId: string): void {
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length > 1 && claims.azp === undefined) throw new LtiClaimError('the token has several audiences but no azp claim');
  if (claims.azp !== undefined && claims.azp !== clientId)
    throw new LtiClaimError(`the azp claim (${JSON.stringify(claims.azp)}) is not our client id`);
}

export function parseLaunchClaims(claims: Claims): LaunchClaims {
  const messageType = requiredString(claims, LtiClaim.messageType, 'message type');
  if (messageType !== LtiMessageType.resourceLink && messageType !== LtiMessageType.deepLinkingRequest) {
    throw new LtiClaimError(
      `message type ${messageType} is not supported (only ${LtiMessageType.resourceLink} and ${LtiMessageType.deepLinkingRequest})`,
    );
  }
  const version = requiredString(claims, LtiClaim.version, 'version');
  if (version !== LTI_VERSION) throw new LtiClaimError(`LTI version ${version} is not supported (only ${LTI_VERSION})`);
  const subject = optionalString(claims.sub);
  if (!subject) throw new LtiClaimError('the sub claim is missing: anonymous launches are not supported');
  const nonce = optionalString(claims.nonce);
  if (!nonce) throw new LtiClaimError('the nonce claim is missing');
  const roles = stringArray(claims[LtiClaim.roles], 'roles');
  if (claims[LtiClaim.roles] === undefined) throw new LtiClaimError(`the roles claim (${LtiClaim.roles}) is missing`);
  const resourceLink = claims[LtiClaim.resourceLink];
  const nrps = claims[LtiClaim.nrps];
  const presentation = claims[LtiClaim.launchPresentation];
  let resourceLinkId: string | null = null;
  if (messageType === LtiMessageType.resourceLink) {
    resourceLinkId = isObject(resourceLink) ? optionalString(resourceLink.id) : null;
    if (!resourceLinkId)
      throw new LtiClaimError(`a resource link launch needs the resource_link claim with an id (${LtiClaim.resourceLink})`);
  }
  return {
    messageType,
    subject,
    nonce,
    deploymentId: requiredString(claims, LtiClaim.deploymentId, 'deployment id'),
    targetLinkUri: requiredString(claims, LtiClaim.targetLinkUri, 'target link URI'),
    role: courseRoleOf(roles),
    roles,
    name:
      optionalString(claims.name) ??
      ([optionalString(claims.given_name), optionalString(claims.family_name)].filter(Boolean).join(' ') || null),
    email: optionalString(claims.email)?.toLowerCase() ?? null,
    context: parseContext(claims[LtiClaim.context]),
    resourceLinkId,
    custom: parseCustom(claims[LtiClaim.custom]),
    ags: parseAgs(claims[LtiClaim.ags]),
    membershipsUrl: isObject(nrps) ? optionalString(nrps.context_memberships_url) : null,
    deepLinking: messageType === LtiMessageType.deepLinkingRequest ? parseDeepLinking(claims[LtiClaim.deepLinkingSettings]) : null,
    documentTarget: isObject(presentation) ? optionalString(presentation.document_target) : null,
  };
}

function parseContext(value: unknown): LaunchContext | null {
  if (value === undefined) return null;
  if (!isObject(value) || !optionalString(value.id)) throw new LtiClaimError(`the context claim needs an id (${LtiClaim.context})`);
  return { id: value.id as string, title: optionalString(value.title) ?? optionalString(value.label) };
}

function parseCustom(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function parseAgs(value: unknown): LaunchClaims['ags'] {
  if (!isObject(value)) return null;
  return {
    lineitems: optionalString(value.lineitems),
    lineitem: optionalString(value.lineitem),
    scopes: stringArray(value.scope, 'AGS scope'),
  };
}

function parseDeepLinking(value: unknown): DeepLinkingSettings {
  if (!isObject(value))
    throw new LtiClaimError(`a deep linking request needs the deep_linking_settings claim (${LtiClaim.deepLinkingSettings})`);
  const returnUrl = optionalString(value.deep_link_return_url);
  if (!returnUrl) throw new LtiClaimError('deep_linking_settings has no deep_link_return_url');
  const acceptTypes = stringArray(value.accept_types, 'accept_types');
  if (!acceptTypes.includes('ltiResourceLink'))
    throw new LtiClaimError('the platform does not accept ltiResourceLink content items, the only kind we return');
  return { returnUrl, acceptTypes, acceptMultiple: value.accept_multiple !== false, data: optionalString(value.data) };
}
