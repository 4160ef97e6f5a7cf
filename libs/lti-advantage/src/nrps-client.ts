// The NRPS 2.0 membership container: every page of a context's roster, following Link rel="next"
// up to a bound (a platform that pages forever, or in a circle, must not hold a sync forever).
// Members are checked and trimmed here: what the platform sends is data, never trusted.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { NRPS_SCOPE } from '@asynclab/lti';
import { nextLinkOf } from './link-header';
import { answerError, jsonOf, platformRequest, PlatformServiceError } from './platform-request';
import { PlatformTokenClient, type TokenPlatform } from './platform-token-client';

export const MEMBERSHIP_CONTAINER_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

export type MemberStatus = 'Active' | 'Inactive' | 'Deleted';

export interface RosterMember {
  /** The platform's user id: the `sub` of that user's launches. */
  userId: string;
  status: MemberStatus;
  roles: string[];
  name: string | null;
  email: string | null;
}

export interface Roster {
  members: RosterMember[];
  pages: number;
  /** False when the page bound stopped the paging (absent members are then not taken as gone). */
  complete: boolean;
}

const MAX_TEXT = 200;
const MAX_ROLES = 30;

/** The members of one page; entries without a usable user_id are skipped. */
export function parseMembershipPage(body: unknown): RosterMember[] {
  const members = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).members : undefined;
  if (!Array.isArray(members)) throw new PlatformServiceError('roster: the answer has no members array', 200);
  const parsed: RosterMember[] = [];
  for (const entry of members as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const m = entry as Record<string, unknown>;
    if (typeof m.user_id !== 'string' || m.user_id.length === 0 || m.user_id.length > 255) continue;
    const status: MemberStatus = m.status === 'Inactive' || m.status === 'Deleted' ? m.status : 'Active';
    const roles = Array.isArray(m.roles)
      ? m.roles.filter((r): r is string => typeof r === 'string' && r.length <= 255).slice(0, MAX_ROLES)
      : [];
    const fullName = text(m.name) ?? ([text(m.given_name), text(m.family_name)].filter(Boolean).join(' ') || null);
    const email = text(m.email)?.toLowerCase() ?? null;
    parsed.push({ userId: m.user_id, status, roles, name: fullName, email: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null });
  }
  return parsed;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_TEXT) : null;
}

@Injectable()
export class NrpsClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: PlatformTokenClient,
  ) {}

  async fetchRoster(platform: TokenPlatform, membershipsUrl: string): Promise<Roster> {
    const byUser = new Map<string, RosterMember>();
    const visited = new Set<string>();
    let url: string | null = membershipsUrl;
    let pages = 0;
    while (url && pages < this.config.ltiServices.rosterMaxPages && !visited.has(url)) {
      visited.add(url);
      const token = await this.tokens.accessToken(platform, [NRPS_SCOPE]);
      const response = await platformRequest({
        method: 'GET',
        url,
        headers: { accept: MEMBERSHIP_CONTAINER_MEDIA_TYPE, authorization: `Bearer ${token}` },
        timeoutMs: this.config.ltiServices.timeoutMs,
        allowPrivate: platform.allowPrivate,
        maxBytes: 4 * 1024 * 1024,
      });
      if (response.status === 401) await this.tokens.forget(platform.id, [NRPS_SCOPE]);
      if (response.status !== 200) throw answerError('roster', response);
      pages += 1;
      for (const member of parseMembershipPage(jsonOf('roster', response))) byUser.set(member.userId, member);
      url = nextLinkOf(response.headers.get('link'), url);
    }
    return { members: [...byUser.values()], pages, complete: url === null };
  }
}
