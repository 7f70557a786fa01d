import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { AccessTokens } from './access-tokens.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { MfaChallengeEntity } from './mfa/mfa-challenge.entity.js';
import { MfaChallenges } from './mfa/mfa-challenges.js';
import { MfaController } from './mfa/mfa.controller.js';
import { MfaSignInService } from './mfa/mfa-sign-in.service.js';
import { RecoveryCodeEntity } from './mfa/recovery-code.entity.js';
import { SecretBox } from './mfa/secret-box.js';
import { TwoFactorRepository } from './mfa/two-factor.repository.js';
import { TwoFactorService } from './mfa/two-factor.service.js';
import { UserTotpEntity } from './mfa/user-totp.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { ReauthenticationService } from './reauthentication.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEntity } from './session.entity.js';
import { SessionEvents } from './session-events.js';
import { SessionsService } from './sessions.service.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      SessionEntity,
      RefreshTokenEntity,
      UserTotpEntity,
      RecoveryCodeEntity,
      MfaChallengeEntity,
    ]),
  ],
  controllers: [AuthController, MfaController],
  providers: [
    {
      provide: SecretBox,
      useFactory: (config: AppConfig) => new SecretBox(config.mfaEncryptionKey),
      inject: [APP_CONFIG],
    },
    MfaChallenges,
    MfaSignInService,
    ReauthenticationService,
    TwoFactorRepository,
    TwoFactorService,
    AccessTokens,
    AuthService,
    Authenticator,
    LoginRateLimiter,
    PasswordHasher,
    SessionEvents,
    SessionsService,
    UsersRepository,
  ],
  exports: [
    TwoFactorService,
    AccessTokens,
    AuthService,
    Authenticator,
    LoginRateLimiter,
    PasswordHasher,
    SessionEvents,
    SessionsService,
    UsersRepository,
  ],
})
export class AuthModule {}
