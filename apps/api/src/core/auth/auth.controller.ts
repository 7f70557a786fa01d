import { Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { changePasswordSchema, idParamSchema, loginSchema } from '@coalesce/protocol';
import type { AuthTokens, ChangePasswordInput, LoginInput, SessionDto } from '@coalesce/protocol';
import { Authenticated, Public } from '../access/access-rule.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { Meta } from '../http/request-meta.js';
import type { RequestMeta } from '../http/request-meta.js';
import { ValidBody, ValidParams } from '../http/validated.decorators.js';
import { AuthService } from './auth.service.js';
import type { AuthUser } from './auth-user.js';
import { CurrentUser } from './current-user.decorator.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  async login(
    @ValidBody(loginSchema) body: LoginInput,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokens> {
    const { refreshToken, ...tokens } = await this.auth.login(body, meta);
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

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  changePassword(
    @CurrentUser() user: AuthUser,
    @ValidBody(changePasswordSchema) body: ChangePasswordInput,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.auth.changePassword(user, body, meta);
  }
}
