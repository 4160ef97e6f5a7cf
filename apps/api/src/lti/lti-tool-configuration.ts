// What an LMS admin needs to register asynclab, including the developer-key JSON Canvas takes
// (its "Enter JSON" / "Paste JSON" form), built from our URLs.
import type { AppConfig } from '@asynclab/config';
import type { LtiToolConfiguration } from '@asynclab/contracts';
import { AgsScope, LtiMessageType, NRPS_SCOPE } from '@asynclab/lti';
import { toolUrls } from './lti-urls';

export const TOOL_TITLE = 'asynclab';
export const TOOL_DESCRIPTION = 'Labs for debugging Python asyncio, graded in a sandbox';
/** Grade passback and roster sync need these; a platform may grant fewer. */
export const TOOL_SCOPES = [AgsScope.lineItem, AgsScope.resultReadOnly, AgsScope.score, NRPS_SCOPE];

export function toolConfiguration(config: Pick<AppConfig, 'lti'>): LtiToolConfiguration {
  const urls = toolUrls(config);
  const deepLinkPlacement = (placement: string) => ({
    placement,
    message_type: LtiMessageType.deepLinkingRequest,
    target_link_uri: urls.deepLinkUrl,
  });
  return {
    loginUrl: urls.loginUrl,
    launchUrl: urls.launchUrl,
    redirectUris: [urls.launchUrl],
    jwksUrl: urls.jwksUrl,
    deepLinkUrl: urls.deepLinkUrl,
    domain: urls.domain,
    canvasJson: {
      title: TOOL_TITLE,
      description: TOOL_DESCRIPTION,
      oidc_initiation_url: urls.loginUrl,
      target_link_uri: urls.launchUrl,
      public_jwk_url: urls.jwksUrl,
      scopes: TOOL_SCOPES,
      extensions: [
        {
          platform: 'canvas.instructure.com',
          privacy_level: 'public',
          domain: urls.domain,
          settings: { placements: [deepLinkPlacement('assignment_selection'), deepLinkPlacement('link_selection')] },
        },
      ],
      custom_fields: {},
    },
  };
}
