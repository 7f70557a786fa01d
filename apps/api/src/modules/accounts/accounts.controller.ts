import { Controller, Get, Inject, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { changeEmailSchema, profileUpdateSchema, registerSchema } from '@coalesce/protocol';
import type {
  AuthTokens,
  ChangeEmailInput,
  MeDto,
  ProfileUpdate,
  RegisterInput,
} from '@coalesce/protocol';
import { Authenticated, Public } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { setRefreshCookie } from '../../core/auth/refresh-cookie.js';
import {
  AllowedBeforeMfaEnrolment,
  RequiresRecentAuthentication,
} from '../../core/auth/session-requirements.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody } from '../../core/http/validated.decorators.js';
import { EmailChangeService } from './email-change.service.js';
import { MeService } from './me.service.js';
import { RegistrationService } from './registration.service.js';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly meService: MeService,
    private readonly emailChange: EmailChangeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates an account (and a new organization, unless an invitation token is given) and signs in. */
  @Post('auth/register')
  @Public()
  async register(
    @ValidBody(registerSchema) body: RegisterInput,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokens> {
    const { refreshToken, ...tokens } = await this.registration.register(body, meta);
    setRefreshCookie(res, refreshToken, this.config);
    return tokens;
  }

  @Get('me')
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.meService.me(user);
  }

  @Patch('me')
  @Authenticated()
  update(
    @CurrentUser() user: AuthUser,
    @ValidBody(profileUpdateSchema) body: ProfileUpdate,
  ): Promise<MeDto> {
    return this.meService.rename(user, body.name);
  }

  /** Changes the sign-in email; needs a recent re-authentication and the current password. */
  @Patch('me/email')
  @Authenticated()
  @RequiresRecentAuthentication()
  async changeEmail(
    @CurrentUser() user: AuthUser,
    @ValidBody(changeEmailSchema) body: ChangeEmailInput,
    @Meta() meta: RequestMeta,
  ): Promise<MeDto> {
    await this.emailChange.change(user, body, meta);
    return this.meService.me(user);
  }
}
