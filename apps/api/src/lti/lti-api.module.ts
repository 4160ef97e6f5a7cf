// LTI 1.3 in the API: platform registration (admin REST and dynamic registration), OIDC login,
// launch, deep linking and our JWKS. docs/lti.md.
import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { LabCatalogModule } from '@asynclab/lab-catalog';
import { LtiModule } from '@asynclab/lti';
import { LtiAdvantageModule } from '@asynclab/lti-advantage';
import { WebhooksModule } from '@asynclab/webhooks';
import { LtiBrowserBinding } from './lti-browser-binding.service';
import { LtiDeepLinkingService } from './lti-deep-linking.service';
import { LtiDynamicRegistrationService } from './lti-dynamic-registration.service';
import { LtiLaunchController } from './lti-launch.controller';
import { LtiLaunchVerifier } from './lti-launch-verifier.service';
import { LtiLoginService } from './lti-login.service';
import { LtiOneTimeTokens } from './lti-one-time-tokens';
import { LtiKeysController, LtiPlatformsController } from './lti-platforms.controller';
import { LtiPlatformsService } from './lti-platforms.service';
import { LtiProvisioningService } from './lti-provisioning.service';

@Module({
  imports: [DatabaseModule, LabCatalogModule, LtiModule, WebhooksModule, LtiAdvantageModule],
  controllers: [LtiPlatformsController, LtiKeysController, LtiLaunchController],
  providers: [
    LtiPlatformsService,
    LtiOneTimeTokens,
    LtiLoginService,
    LtiLaunchVerifier,
    LtiBrowserBinding,
    LtiProvisioningService,
    LtiDeepLinkingService,
    LtiDynamicRegistrationService,
  ],
})
export class LtiApiModule {}
