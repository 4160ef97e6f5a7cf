// Which line item a learner's grade for an assignment goes to, never duplicated: the one the
// platform gave for the assignment's resource link (a deep link's lineItem, a launch's claim);
// else the one we stored for (context, assignment); else, under the lock of
// LtiLineItemsRepository, ours found by resource_id in the container, or created there.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { LtiLineItemsRepository, type GradeSyncJobFacts } from '@asynclab/database';
import { AgsClient } from './ags-client';
import { PlatformServiceError } from './platform-request';

@Injectable()
export class LineItemResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lineItems: LtiLineItemsRepository,
    private readonly ags: AgsClient,
  ) {}

  async resolve(facts: GradeSyncJobFacts, scopes: string[]): Promise<string> {
    const given = facts.resourceLinkLineItems[0];
    if (given) return given;
    const { lineitemsUrl } = facts.context;
    const row = await this.lineItems.findOrDiscover(
      facts.context.id,
      facts.assignmentId,
      async () => {
        if (!lineitemsUrl) {
          throw new PlatformServiceError(
            'the context has no line items service (no AGS claim with lineitems in its launches)',
            null,
            undefined,
            true,
          );
        }
        const found = await this.ags.findLineItem(facts.platform, scopes, lineitemsUrl, facts.assignmentId);
        if (found) return { url: found, source: 'found' };
        const created = await this.ags.createLineItem(facts.platform, scopes, lineitemsUrl, {
          label: facts.assignment.labTitle,
          resourceId: facts.assignmentId,
          startDateTime: facts.assignment.opensAt,
          endDateTime: facts.assignment.dueAt,
        });
        return { url: created, source: 'created' };
      },
      // Up to three platform requests (token, find, create) while the lock is held.
      this.config.ltiServices.timeoutMs * 3 + 5_000,
    );
    return row.url;
  }
}
