// The signed-in user's own account: password and sessions.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionListing } from '@asynclab/contracts';
import { SessionsRepository } from '@asynclab/database';
import { ErrorCode } from '@asynclab/contracts';
import { AuthException } from './auth.exception';
import { Access } from './access.decorator';
import { AuthService } from './auth.service';
import { ChangePasswordDto, SessionView } from './dto/auth.dto';
import { CurrentPrincipal, SessionPrincipal } from './principal';

@ApiTags('account')
@Controller('account')
@Access({ roles: 'any' })
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsRepository,
  ) {}

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the password; every other session of the account ends' })
  changePassword(@CurrentPrincipal() principal: SessionPrincipal, @Body() dto: ChangePasswordDto): Promise<{ otherSessionsEnded: number }> {
    return this.auth.changePassword(principal, dto);
  }

  @Get('sessions')
  @ApiOperation({ summary: "The account's active sessions" })
  @ApiOkResponse({ type: [SessionView] })
  async list(@CurrentPrincipal() principal: SessionPrincipal): Promise<{ sessions: SessionListing[] }> {
    const rows = await this.sessions.listActive(principal.userId);
    return { sessions: rows.map((row) => ({ ...row, current: row.id === principal.sessionId })) };
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one session of the account' })
  async revoke(@CurrentPrincipal() principal: SessionPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.sessions.revoke(principal.userId, id)))
      throw new AuthException(ErrorCode.SessionNotFound, `session "${id}" does not exist`, 'id');
  }
}
