// Sign-in, sign-up, guests and sign-out for the web app (cookie sessions).
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Me } from '@asynclab/contracts';
import { Access } from './access.decorator';
import { AuthService } from './auth.service';
import { GuestDto, MeView, SignInDto, SignUpDto } from './dto/auth.dto';
import { CurrentPrincipal, Principal, SessionPrincipal } from './principal';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  @Access({ public: true })
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  @ApiOkResponse({ type: MeView })
  signIn(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() dto: SignInDto,
    @CurrentPrincipal() current?: Principal,
  ): Promise<Me> {
    return this.auth.signIn(req, res, dto, current);
  }

  @Post('sign-up')
  @Access({ public: true })
  @ApiOperation({ summary: 'Create an account (invitation or open sign-up); a guest keeps their work' })
  @ApiOkResponse({ type: MeView })
  signUp(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() dto: SignUpDto,
    @CurrentPrincipal() current?: Principal,
  ): Promise<Me> {
    return this.auth.signUp(req, res, dto, current);
  }

  @Post('guest')
  @HttpCode(200)
  @Access({ public: true })
  @ApiOperation({ summary: 'Start (or keep) a guest session bound to this browser, where the organisation allows guests' })
  @ApiOkResponse({ type: MeView })
  guest(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() dto: GuestDto,
    @CurrentPrincipal() current?: Principal,
  ): Promise<Me> {
    return this.auth.guest(req, res, dto, current);
  }

  @Get('me')
  @Access({ roles: 'any', guests: true })
  @ApiOperation({ summary: 'Who the session belongs to, with the CSRF token for writes' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    return this.auth.me(principal);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Access({ roles: 'any', guests: true })
  @ApiOperation({ summary: 'End this session' })
  async signOut(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() principal: SessionPrincipal,
  ): Promise<void> {
    await this.sessions.end(req, res, principal.userId, principal.sessionId);
  }

  @Post('sign-out-everywhere')
  @HttpCode(200)
  @Access({ roles: 'any' })
  @ApiOperation({ summary: 'End every session of this account, this one included' })
  async signOutEverywhere(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() principal: SessionPrincipal,
  ): Promise<{ ended: number }> {
    return { ended: await this.sessions.endEverywhere(req, res, principal.userId) };
  }
}
