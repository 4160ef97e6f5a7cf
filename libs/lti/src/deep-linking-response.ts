// The LtiDeepLinkingResponse message (Deep Linking 2.0 4.5): one ltiResourceLink per picked lab,
// each with a line item so the platform creates a gradebook column whose later launches carry
// its URL (AGS 2.0 3.4, "lineItem" in a content item).
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { LTI_VERSION, LtiClaim, LtiMessageType } from './lti-claims';

export const SCORE_MAXIMUM = 100;

export interface PickedAssignment {
  assignmentId: string;
  labId: string;
  title: string;
  /** Where a launch of this item lands (becomes the launch's target_link_uri). */
  url: string;
}

export interface LtiResourceLinkItem {
  type: 'ltiResourceLink';
  title: string;
  url: string;
  custom: Record<string, string>;
  lineItem: { scoreMaximum: number; label: string; resourceId: string; tag: string };
}

export function resourceLinkItem(picked: PickedAssignment): LtiResourceLinkItem {
  return {
    type: 'ltiResourceLink',
    title: picked.title,
    url: picked.url,
    // Comes back in every launch of the link (the custom claim): which assignment it opens.
    custom: { assignment_id: picked.assignmentId, lab_id: picked.labId },
    lineItem: { scoreMaximum: SCORE_MAXIMUM, label: picked.title, resourceId: picked.assignmentId, tag: 'asynclab' },
  };
}

/** The payload to sign; iss, aud, iat, exp and jti are set by signWithActiveKey. */
export function deepLinkingResponsePayload(
  deploymentId: string,
  items: LtiResourceLinkItem[],
  data: string | null,
  message: string,
): JWTPayload {
  return {
    nonce: randomUUID(),
    [LtiClaim.messageType]: LtiMessageType.deepLinkingResponse,
    [LtiClaim.version]: LTI_VERSION,
    [LtiClaim.deploymentId]: deploymentId,
    [LtiClaim.contentItems]: items,
    [LtiClaim.deepLinkingMessage]: message,
    ...(data !== null ? { [LtiClaim.deepLinkingData]: data } : {}),
  };
}
