import { Controller, Delete, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { mfaConfirmSchema, mfaVerifySchema } from '@coalesce/protocol';
import type {
  AuthTokens,
  MfaConfirmInput,
  MfaVerifyInput,
  RecoveryCodesDto,
  TwoFactorEnrolmentDto,
  TwoFactorStatusDto,
} from '@coalesce/protocol';
import { Authenticated, Public } from '../../access/access-rule.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { Meta } from '../../http/request-meta.js';
import type { RequestMeta } from '../../http/request-meta.js';
import { ValidBody } from '../../http/validated.decorators.js';
import type { AuthUser } from '../auth-user.js';
import { CurrentUser } from '../current-user.decorator.js';
import { setRefreshCookie } from '../refresh-cookie.js';
import {
  AllowedBeforeMfaEnrolment,
  RequiresRecentAuthentication,
} from '../session-requirements.js';
import { MfaSignInService } from './mfa-sign-in.service.js';
import { TwoFactorService } from './two-factor.service.js';

/** The caller's own second factor, and the second step of signing in. */
@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly signIn: MfaSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Second step of a sign-in: the challenge of POST /auth/login and a TOTP or recovery code. */
  @Post('verify')
  @HttpCode(200)
  @Public()
  async verify(
    @ValidBody(mfaVerifySchema) body: MfaVerifyInput,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokens> {
    const { refreshToken, ...tokens } = await this.signIn.verify(body, meta);
    setRefreshCookie(res, refreshToken, this.config);
    return tokens;
  }

  @Get()
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  status(@CurrentUser() user: AuthUser): Promise<TwoFactorStatusDto> {
    return this.twoFactor.status(user);
  }

  /** A new secret for the authenticator app (shown as a QR code); confirm it with a code. */
  @Post('enrolment')
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @RequiresRecentAuthentication()
  startEnrolment(@CurrentUser() user: AuthUser): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.startEnrolment(user);
  }

  /** Turns two-factor on; answers the recovery codes, which are shown only this once. */
  @Post('enrolment/confirm')
  @HttpCode(200)
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @RequiresRecentAuthentication()
  confirmEnrolment(
    @CurrentUser() user: AuthUser,
    @ValidBody(mfaConfirmSchema) body: MfaConfirmInput,
    @Meta() meta: RequestMeta,
  ): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirmEnrolment(user, body.code, meta);
  }

  /** Replaces the recovery codes; the old ones stop working. */
  @Post('recovery-codes')
  @HttpCode(200)
  @Authenticated()
  @RequiresRecentAuthentication()
  regenerateRecoveryCodes(
    @CurrentUser() user: AuthUser,
    @Meta() meta: RequestMeta,
  ): Promise<RecoveryCodesDto> {
    return this.twoFactor.regenerateRecoveryCodes(user, meta);
  }

  /** Turns two-factor off (refused while the organization requires it), or drops an unfinished enrolment. */
  @Delete()
  @HttpCode(204)
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @RequiresRecentAuthentication()
  disable(@CurrentUser() user: AuthUser, @Meta() meta: RequestMeta): Promise<void> {
    return this.twoFactor.disable(user, meta);
  }
}
