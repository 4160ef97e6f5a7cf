// Deep Linking 2.0: an instructor's LtiDeepLinkingRequest opens our picker; the labs they pick
// become assignments of the course's cohort, and we answer the platform with a signed
// LtiDeepLinkingResponse (auto-posted to deep_link_return_url) holding one ltiResourceLink with a
// line item per lab.
import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode } from '@asynclab/contracts';
import { LabCatalogService } from '@asynclab/lab-catalog';
import { deepLinkingResponsePayload, LtiKeyStore, resourceLinkItem, signWithActiveKey } from '@asynclab/lti';
import { LtiException } from './lti.exception';
import { LtiOneTimeTokens } from './lti-one-time-tokens';
import { sendDeepLinkReturnPage, sendPickerPage } from './lti-pages';
import { DEFAULT_DUE_DAYS, LtiProvisioningService, type ProvisionedLaunch } from './lti-provisioning.service';
import type { VerifiedLaunch } from './lti-launch-verifier.service';
import { labPageUrl } from './lti-urls';

/** How long the instructor may take to pick. */
const PICKER_TTL_MS = 30 * 60_000;

interface PickerSession {
  issuer: string;
  clientId: string;
  deploymentId: string;
  cohortId: string;
  returnUrl: string;
  data: string | null;
  acceptMultiple: boolean;
}

export interface DeepLinkSelection {
  token?: unknown;
  labIds?: unknown;
  dueDate?: unknown;
}

@Injectable()
export class LtiDeepLinkingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalog: LabCatalogService,
    private readonly keys: LtiKeyStore,
    private readonly tokens: LtiOneTimeTokens,
    private readonly provisioning: LtiProvisioningService,
  ) {}

  async showPicker(response: Response, { platform, claims }: VerifiedLaunch, provisioned: ProvisionedLaunch): Promise<void> {
    const settings = claims.deepLinking;
    if (!settings) throw new LtiException(ErrorCode.LtiMessageInvalid, 'not a deep linking request', 'id_token');
    if (claims.role !== 'instructor')
      throw new LtiException(
        ErrorCode.LtiMessageInvalid,
        'deep linking is for instructors: the launch carries no teaching role',
        'id_token',
      );
    if (!provisioned.context)
      throw new LtiException(
        ErrorCode.LtiMessageInvalid,
        'deep linking needs a course context (the context claim) to assign labs to',
        'id_token',
      );
    const session: PickerSession = {
      issuer: platform.issuer,
      clientId: platform.clientId,
      deploymentId: claims.deploymentId,
      cohortId: provisioned.context.cohortId,
      returnUrl: settings.returnUrl,
      data: settings.data,
      acceptMultiple: settings.acceptMultiple,
    };
    const token = await this.tokens.issue('deep-link', session, PICKER_TTL_MS);
    const defaultDue = new Date(Date.now() + DEFAULT_DUE_DAYS * 24 * 3600_000).toISOString().slice(0, 10);
    const course = provisioned.context.title ?? 'your course';
    sendPickerPage(response, { token, labs: this.catalog.list(), multiple: settings.acceptMultiple, defaultDue, course });
  }

  async respond(response: Response, selection: DeepLinkSelection): Promise<void> {
    const picked = typeof selection.labIds === 'string' ? [selection.labIds] : selection.labIds;
    if (!Array.isArray(picked) || picked.length === 0 || picked.some((id) => typeof id !== 'string')) {
      throw new LtiException(ErrorCode.LtiDeepLinkInvalid, 'pick at least one lab', 'labIds');
    }
    const labIds = [...new Set(picked as string[])];
    const unknown = labIds.find((id) => !this.catalog.find(id));
    if (unknown !== undefined) throw new LtiException(ErrorCode.LtiDeepLinkInvalid, `lab "${unknown}" is not in the catalog`, 'labIds');
    const dueAt = parseDueDate(selection.dueDate);
    const session = typeof selection.token === 'string' ? await this.tokens.take<PickerSession>('deep-link', selection.token) : null;
    if (!session)
      throw new LtiException(
        ErrorCode.LtiDeepLinkInvalid,
        'the selection token is unknown, already used or expired: start again from the course',
        'token',
      );
    if (!session.acceptMultiple && labIds.length > 1)
      throw new LtiException(ErrorCode.LtiDeepLinkInvalid, 'the platform accepts one item here: pick one lab', 'labIds');
    const items = [];
    for (const labId of labIds) {
      const assignment = await this.provisioning.assignLab(session.cohortId, labId, dueAt);
      const title = this.catalog.describe(labId)?.title ?? labId;
      items.push(resourceLinkItem({ assignmentId: assignment.id, labId, title, url: labPageUrl(this.config, labId) }));
    }
    const message = `${String(items.length)} asynclab lab${items.length === 1 ? '' : 's'} assigned`;
    const jwt = await signWithActiveKey(this.keys, deepLinkingResponsePayload(session.deploymentId, items, session.data, message), {
      issuer: session.clientId,
      audience: session.issuer,
      expiresInSeconds: 600,
    });
    sendDeepLinkReturnPage(response, session.returnUrl, jwt, items.length);
  }
}

/** A YYYY-MM-DD date from the picker: the assignment is due at its end (UTC), and not in the past. */
function parseDueDate(value: unknown): Date {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const dueAt = match ? new Date(`${value as string}T23:59:59.000Z`) : null;
  if (!dueAt || Number.isNaN(dueAt.getTime()))
    throw new LtiException(ErrorCode.LtiDeepLinkInvalid, 'dueDate must be a date (YYYY-MM-DD)', 'dueDate');
  if (dueAt.getTime() <= Date.now()) throw new LtiException(ErrorCode.LtiDeepLinkInvalid, 'dueDate must not be in the past', 'dueDate');
  return dueAt;
}
