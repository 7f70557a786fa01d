import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokens } from './access-tokens.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEntity } from './session.entity.js';
import { SessionEvents } from './session-events.js';
import { SessionsService } from './sessions.service.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, RefreshTokenEntity])],
  controllers: [AuthController],
  providers: [
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
