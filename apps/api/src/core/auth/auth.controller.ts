import { Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  changePasswordSchema,
  idParamSchema,
  isMfaChallenge,
  loginSchema,
  reauthSchema,
} from '@coalesce/protocol';
import type {
  AuthTokens,
  ChangePasswordInput,
  LoginInput,
  LoginResponse,
  ReauthDto,
  ReauthInput,
  SessionDto,
} from '@coalesce/protocol';
import { Authenticated, Public } from '../access/access-rule.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { Meta } from '../http/request-meta.js';
import type { RequestMeta } from '../http/request-meta.js';
import { ValidBody, ValidParams } from '../http/validated.decorators.js';
import { AuthService } from './auth.service.js';
import type { AuthUser } from './auth-user.js';
import { CurrentUser } from './current-user.decorator.js';
import { ReauthenticationService } from './reauthentication.service.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import { AllowedBeforeMfaEnrolment, RequiresRecentAuthentication } from './session-requirements.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly reauth: ReauthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Tokens, or `{ mfaRequired, challengeToken }` when the account has two-factor on. */
  @Post('login')
  @HttpCode(200)
  @Public()
  async login(
    @ValidBody(loginSchema) body: LoginInput,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const outcome = await this.auth.login(body, meta);
    if (isMfaChallenge(outcome)) return outcome;
    const { refreshToken, ...tokens } = outcome;
    setRefreshCookie(res, refreshToken, this.config);
    return tokens;
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  async refresh(
    @Req() req: Request,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokens> {
    try {
      const { refreshToken, ...tokens } = await this.auth.refresh(readRefreshCookie(req), meta);
      setRefreshCookie(res, refreshToken, this.config);
      return tokens;
    } catch (error) {
      clearRefreshCookie(res, this.config);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  async logout(
    @CurrentUser() user: AuthUser,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(user, meta);
    clearRefreshCookie(res, this.config);
  }

  @Get('sessions')
  @Authenticated()
  sessions(@CurrentUser() user: AuthUser): Promise<SessionDto[]> {
    return this.auth.listSessions(user);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated()
  revoke(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.auth.revokeSession(user, p.id, meta);
  }

  /** Ends every session of the caller except the current one. */
  @Delete('sessions')
  @Authenticated()
  revokeOthers(
    @CurrentUser() user: AuthUser,
    @Meta() meta: RequestMeta,
  ): Promise<{ revoked: number }> {
    return this.auth.revokeOtherSessions(user, meta);
  }

  /** Confirms the password (and a code when two-factor is on) to unlock sensitive changes. */
  @Post('reauth')
  @HttpCode(200)
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  reauthenticate(
    @CurrentUser() user: AuthUser,
    @ValidBody(reauthSchema) body: ReauthInput,
    @Meta() meta: RequestMeta,
  ): Promise<ReauthDto> {
    return this.reauth.reauthenticate(user, body, meta);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @RequiresRecentAuthentication()
  changePassword(
    @CurrentUser() user: AuthUser,
    @ValidBody(changePasswordSchema) body: ChangePasswordInput,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.auth.changePassword(user, body, meta);
  }
}
