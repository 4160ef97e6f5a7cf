// Sign-up, sign-in, guests and passwords. Every failure of sign-in says the same thing whether
// the organisation, the account or the password was wrong, so it cannot be used to find accounts.
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  InvitationsRepository,
  OrganizationRow,
  OrganizationsRepository,
  PUBLIC_ORGANIZATION_SLUG,
  Role,
  SessionsRepository,
  UserRow,
  UsersRepository,
} from '@asynclab/database';
import { ErrorCode, type Me } from '@asynclab/contracts';
import { AuthException } from './auth.exception';
import { ChangePasswordDto, GuestDto, SignInDto, SignUpDto } from './dto/auth.dto';
import { Principal, SessionPrincipal } from './principal';
import { hashPassword, sha256, verifyPassword } from './secrets';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle.service';

const invalidCredentials = () => new AuthException(ErrorCode.InvalidCredentials, 'the email or password is not right');

@Injectable()
export class AuthService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
    private readonly sessionRows: SessionsRepository,
  ) {}

  async signIn(request: Request, response: Response, dto: SignInDto, current?: Principal): Promise<Me> {
    const slug = dto.organization ?? PUBLIC_ORGANIZATION_SLUG;
    const ip = request.ip ?? 'unknown';
    // Counted by slug, not id, so attempts against an organisation that does not exist count too.
    await this.throttle.check(slug, dto.email, ip);
    const organization = await this.organizations.findBySlug(slug);
    const user = organization ? await this.users.findByEmail(organization.id, dto.email) : null;
    const ok = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!organization || !user || !ok) {
      await this.throttle.recordFailure(slug, dto.email, ip);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(slug, dto.email, ip);
    if (current?.kind === 'session') await this.sessions.end(request, response, current.userId, current.sessionId);
    return this.startSession(request, response, organization, user);
  }

  /** A guest of the same organisation who signs up keeps their work: the guest becomes the account. */
  async signUp(request: Request, response: Response, dto: SignUpDto, current?: Principal): Promise<Me> {
    const organization = await this.organizations.findBySlug(dto.organization ?? PUBLIC_ORGANIZATION_SLUG);
    if (!organization)
      throw new AuthException(ErrorCode.OrganizationNotFound, `organisation "${dto.organization}" does not exist`, 'organization');
    let role: Role = 'learner';
    let invitationId: string | null = null;
    if (dto.invitation) {
      const invitation = await this.invitations.findOpen(sha256(dto.invitation));
      if (!invitation || invitation.organizationId !== organization.id || invitation.email !== dto.email.toLowerCase()) {
        throw new AuthException(
          ErrorCode.InvitationInvalid,
          'the invitation is unknown, expired, used, or for another email',
          'invitation',
        );
      }
      role = invitation.role as Role;
      invitationId = invitation.id;
    } else if (!organization.openSignup) {
      throw new AuthException(ErrorCode.SignUpClosed, `organisation "${organization.slug}" accepts new accounts by invitation only`);
    }
    if (await this.users.findByEmail(organization.id, dto.email)) {
      throw new AuthException(ErrorCode.EmailTaken, 'an account with this email already exists; sign in instead', 'email');
    }
    const passwordHash = await hashPassword(dto.password);
    const account = { email: dto.email, passwordHash, displayName: dto.displayName ?? null };
    const guest = current?.kind === 'session' && current.isGuest && current.organizationId === organization.id ? current : null;
    const user = guest
      ? await this.users.update(organization.id, guest.userId, { ...account, isGuest: false, role })
      : await this.users.create(organization.id, { ...account, role });
    if (!user) throw new AuthException(ErrorCode.GuestGone, 'the guest session ended; sign up again');
    if (invitationId) await this.invitations.accept(organization.id, invitationId);
    if (current?.kind === 'session') await this.sessions.endEverywhere(request, response, current.userId);
    return this.startSession(request, response, organization, user);
  }

  async guest(request: Request, response: Response, dto: GuestDto, current?: Principal): Promise<Me> {
    if (current?.kind === 'key')
      throw new AuthException(ErrorCode.KeyNotAllowed, 'API keys act for their learners; they do not start guest sessions');
    if (current) return this.me(current);
    const organization = await this.organizations.findBySlug(dto.organization ?? PUBLIC_ORGANIZATION_SLUG);
    if (!organization?.allowGuests)
      throw new AuthException(ErrorCode.GuestsNotAllowed, 'this organisation does not allow guest practice; sign in');
    const user = await this.users.create(organization.id, { isGuest: true, role: 'learner' });
    return this.startSession(request, response, organization, user);
  }

  async me(principal: Principal): Promise<Me> {
    if (principal.kind !== 'session') throw new AuthException(ErrorCode.KeyNotAllowed, 'an API key has no account');
    const [organization, user] = await Promise.all([
      this.organizations.findById(principal.organizationId),
      this.users.findById(principal.organizationId, principal.userId),
    ]);
    if (!organization || !user) throw new AuthException(ErrorCode.Unauthenticated, 'the account no longer exists');
    return view(organization, user, principal.csrfToken);
  }

  async changePassword(principal: SessionPrincipal, dto: ChangePasswordDto): Promise<{ otherSessionsEnded: number }> {
    const user = await this.users.findById(principal.organizationId, principal.userId);
    if (!user || !(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new AuthException(ErrorCode.WrongPassword, 'the current password is not right', 'currentPassword');
    }
    await this.users.update(principal.organizationId, principal.userId, { passwordHash: await hashPassword(dto.newPassword) });
    // Whoever knew the old password is signed out everywhere but here.
    return { otherSessionsEnded: await this.sessionRows.revokeAll(principal.userId, principal.sessionId) };
  }

  private async startSession(request: Request, response: Response, organization: OrganizationRow, user: UserRow): Promise<Me> {
    const started = await this.sessions.start(request, response, user);
    return view(organization, user, started.csrfToken);
  }
}

function view(organization: OrganizationRow, user: UserRow, csrfToken: string): Me {
  return {
    userId: user.id,
    organizationId: organization.id,
    organization: organization.slug,
    role: user.role as Role,
    isGuest: user.isGuest,
    email: user.email,
    displayName: user.displayName,
    csrfToken,
  };
}
