// The LTI endpoints a platform and a browser reach: our JWKS, OIDC login initiation, the launch
// (resource link or deep linking request), the one-time "open in a new window" link, the
// deep-linking selection, dynamic registration, and the scripts of our pages. docs/lti.md.
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode } from '@asynclab/contracts';
import { UsersRepository } from '@asynclab/database';
import { LabCatalogService } from '@asynclab/lab-catalog';
import { LtiKeyStore, LtiMessageType, type PublicJwks } from '@asynclab/lti';
import { RosterSyncOnLaunch } from '@asynclab/lti-advantage';
import { Access } from '../auth/access.decorator';
import { SessionsService } from '../auth/sessions.service';
import { LtiException } from './lti.exception';
import { DeepLinkSelectionDoc, LaunchConfirmationDoc, LaunchFormDoc, LoginInitiationDoc } from './lti-launch.dto';
import { LtiJwksDoc } from './lti-platforms.dto';
import { LtiDeepLinkingService, type DeepLinkSelection } from './lti-deep-linking.service';
import { LtiDynamicRegistrationService, type RegistrationRequest } from './lti-dynamic-registration.service';
import { LtiLaunchVerifier, type VerifiedLaunch } from './lti-launch-verifier.service';
import { LtiBrowserBinding } from './lti-browser-binding.service';
import { LtiLoginService, type LoginInitiation } from './lti-login.service';
import { LtiOneTimeTokens } from './lti-one-time-tokens';
import { LTI_PAGE_SCRIPTS } from './lti-page-scripts';
import { sendLaunchPage, sendRegisteredPage } from './lti-pages';
import { LtiProvisioningService } from './lti-provisioning.service';
import { catalogUrl, labPageUrl, openUrl } from './lti-urls';

interface OpenTicket {
  organizationId: string;
  userId: string;
  landing: string;
}

type Form = Record<string, unknown>;

@ApiTags('lti')
@Controller('lti')
export class LtiLaunchController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: LtiKeyStore,
    private readonly login: LtiLoginService,
    private readonly verifier: LtiLaunchVerifier,
    private readonly binding: LtiBrowserBinding,
    private readonly provisioning: LtiProvisioningService,
    private readonly deepLinking: LtiDeepLinkingService,
    private readonly registration: LtiDynamicRegistrationService,
    private readonly tokens: LtiOneTimeTokens,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly catalog: LabCatalogService,
    private readonly rosterOnLaunch: RosterSyncOnLaunch,
  ) {}

  @Get('jwks')
  @Access({ public: true })
  // Platforms may cache it for an hour: a replaced key stays published for days (LTI_KEY_OVERLAP_DAYS).
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: "asynclab's public keys (JWKS) for platforms verifying our messages and client assertions" })
  @ApiOkResponse({ type: LtiJwksDoc })
  jwks(): Promise<PublicJwks> {
    return this.keys.publicJwks();
  }

  @Get('login')
  @Access({ public: true })
  @ApiOperation({ summary: "OIDC login initiation (query): answers 302 to the platform's authorisation endpoint" })
  @ApiQuery({ type: LoginInitiationDoc })
  @ApiResponse({ status: 302, description: "to the platform's auth URL with state and nonce" })
  @ApiResponse({ status: 200, description: "with lti_storage_target: a page that stores state and nonce in the platform's storage first" })
  async loginByGet(@Query() query: LoginInitiation, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.binding.answerLogin(request, response, await this.login.authorizationRedirect(query));
  }

  @Post('login')
  @Access({ platformForm: true })
  @ApiOperation({ summary: 'OIDC login initiation (form post); same answer as GET' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: LoginInitiationDoc })
  @ApiResponse({ status: 302, description: "to the platform's auth URL with state and nonce" })
  async loginByPost(@Body() body: LoginInitiation | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.binding.answerLogin(request, response, await this.login.authorizationRedirect(body ?? {}));
  }

  @Post('launch')
  @Access({ platformForm: true })
  @ApiOperation({
    summary: 'The launch (redirect URI): the platform posts id_token and state',
    description:
      'A resource link launch answers a page that opens the lab (at the top level directly, inside a frame in a new window with a one-time link); ' +
      'a top-level navigation (Sec-Fetch-Dest: document) gets a session and 303 to the lab. A deep linking request answers the lab picker.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: LaunchFormDoc })
  @ApiResponse({ status: 200, description: 'the launch page or the deep-linking picker (HTML)' })
  @ApiResponse({ status: 303, description: 'a top-level launch: to the lab page, with a session cookie' })
  async launch(@Body() body: Form | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = body ?? {};
    if (typeof form.error === 'string') {
      const description = typeof form.error_description === 'string' ? `: ${form.error_description.slice(0, 300)}` : '';
      throw new LtiException(
        ErrorCode.LtiLoginInvalid,
        `the platform answered the login with ${form.error.slice(0, 100)}${description}`,
        'error',
      );
    }
    const verified = await this.verifier.verify(form.id_token, form.state);
    if ((await this.binding.check(request, response, verified)) === 'pending') return;
    await this.finishLaunch(verified, request, response);
  }

  @Post('launch/confirm')
  @Access({ platformForm: true })
  @ApiOperation({ summary: "A launch whose login used the platform's client-side storage: our page read the state back and confirms it" })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: LaunchConfirmationDoc })
  @ApiResponse({ status: 200, description: 'the launch page or the deep-linking picker (HTML)' })
  @ApiResponse({ status: 303, description: 'a top-level launch: to the lab page, with a session cookie' })
  async confirmLaunch(@Body() body: Form | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.finishLaunch(await this.binding.confirm(body ?? {}), request, response);
  }

  /** A verified (and, where it could be, browser-bound) launch: who and where, then the page or the picker. */
  private async finishLaunch(verified: VerifiedLaunch, request: Request, response: Response): Promise<void> {
    const provisioned = await this.provisioning.provision(verified);
    // Names and roles (docs/lti-grades.md): an instructor's launch brings the cohort's roster up to date, in the background.
    if (verified.claims.role === 'instructor' && provisioned.context?.membershipsUrl) {
      void this.rosterOnLaunch.instructorLaunched(verified.platform.organizationId, provisioned.context.id);
    }
    if (verified.claims.messageType === LtiMessageType.deepLinkingRequest) {
      await this.deepLinking.showPicker(response, verified, provisioned);
      return;
    }
    const landing = provisioned.labId ? labPageUrl(this.config, provisioned.labId) : catalogUrl(this.config);
    if (request.headers['sec-fetch-dest'] === 'document') {
      await this.sessions.start(request, response, provisioned.user);
      response.redirect(303, landing);
      return;
    }
    const ticket: OpenTicket = { organizationId: verified.platform.organizationId, userId: provisioned.user.id, landing };
    const token = await this.tokens.issue('open', ticket, this.config.lti.launchTokenTtlMs);
    const title = (provisioned.labId && this.catalog.describe(provisioned.labId)?.title) || 'asynclab';
    sendLaunchPage(response, { title, openUrl: openUrl(this.config, token) });
  }

  @Get('open/:token')
  @Access({ public: true })
  @ApiOperation({ summary: 'Opens a launch in this window: the one-time link of the launch page starts a session and goes to the lab' })
  @ApiResponse({ status: 303, description: 'to the lab page, with a session cookie' })
  async open(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const ticket = await this.tokens.take<OpenTicket>('open', token);
    const user = ticket ? await this.users.findById(ticket.organizationId, ticket.userId) : null;
    if (!ticket || !user)
      throw new LtiException(
        ErrorCode.LtiLaunchTokenInvalid,
        'this launch link is unknown, already used or expired: launch again from your course',
        'token',
      );
    await this.sessions.start(request, response, user);
    response.redirect(303, ticket.landing);
  }

  @Post('deep-link')
  @Access({ platformForm: true })
  @ApiOperation({
    summary: "The picker's answer: the labs become assignments; answers the signed LtiDeepLinkingResponse, auto-posted to the platform",
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: DeepLinkSelectionDoc })
  @ApiResponse({ status: 200, description: 'a page that posts the JWT to deep_link_return_url' })
  async deepLink(@Body() body: DeepLinkSelection | undefined, @Res() response: Response): Promise<void> {
    await this.deepLinking.respond(response, body ?? {});
  }

  @Get('register/:token')
  @Access({ public: true })
  @ApiOperation({ summary: 'LTI Dynamic Registration: the LMS opens this link with openid_configuration and registration_token' })
  @ApiQuery({ name: 'openid_configuration', required: true })
  @ApiQuery({ name: 'registration_token', required: false })
  @ApiResponse({ status: 200, description: 'a page that tells the platform the registration is done (org.imsglobal.lti.close)' })
  async register(@Param('token') token: string, @Query() query: RegistrationRequest, @Res() response: Response): Promise<void> {
    const platform = await this.registration.register(token, query);
    sendRegisteredPage(response, platform.name);
  }

  @Get('assets/:name')
  @Access({ public: true })
  @ApiOperation({ summary: 'The scripts of the LTI pages (their CSP allows only scripts from asynclab)' })
  @ApiResponse({ status: 200, description: 'JavaScript' })
  asset(@Param('name') name: string, @Res() response: Response): void {
    const script = Object.hasOwn(LTI_PAGE_SCRIPTS, name) ? LTI_PAGE_SCRIPTS[name] : undefined;
    if (script === undefined) throw new LtiException(ErrorCode.NotFound, `no LTI script is called ${name}`, 'name');
    response.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    response.send(script);
  }
}
