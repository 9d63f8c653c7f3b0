import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { IdentityProvider } from './identity-provider.js';
import { IdpAccessTokens } from './idp-access-tokens.js';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { SessionsRepository } from './repositories/sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { TokenCache } from './token-cache.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';

@Global()
@Module({
  controllers: [TokensController, AuthController],
  providers: [
    TokensService,
    TokenCache,
    ApiTokensRepository,
    SessionsRepository,
    SessionsService,
    IdentityProvider,
    IdpAccessTokens,
    SignInService,
    Authenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokensService, Authenticator],
})
export class AuthModule {}
