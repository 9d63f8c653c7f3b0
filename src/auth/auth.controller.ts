import { Body, Controller, Get, HttpCode, Post, Query, Redirect, UseInterceptors } from '@nestjs/common';
import { ApiCookieAuth, ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthRequest, Public } from './auth.decorators.js';
import type { AuthenticatedRequest } from './authenticator.js';
import { LoginQueryDto } from './dto/login-query.dto.js';
import { LogoutDto, SessionDto, TokenSessionDto } from './dto/session.dto.js';
import { SignInProvidersDto } from './dto/sign-in-providers.dto.js';
import type { RedirectTo, WithCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';
import { SetCookieInterceptor } from './set-cookie.interceptor.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly signIn: SignInService,
  ) {}

  @Public()
  @Post('token-session')
  @HttpCode(200)
  @UseInterceptors(SetCookieInterceptor)
  @ApiOperation({
    summary: 'Exchange an API token for a session cookie',
    description:
      "The console's token sign-in: a valid API token opens a session (cookie `aimsflow_session`, HttpOnly, SameSite=Lax); the token is not stored and the page need not keep it. 401 when the token is unknown, revoked or expired.",
  })
  @ApiOkResponse({ type: SessionDto, description: 'The session; the cookie is in Set-Cookie' })
  startWithToken(@Body() dto: TokenSessionDto, @AuthRequest() req: AuthenticatedRequest): Promise<WithCookie<SessionDto>> {
    return this.sessions.startWithToken(dto.token, req.id === undefined ? undefined : String(req.id));
  }

  @Get('session')
  @ApiCookieAuth('aimsflow_session')
  @ApiOperation({
    summary: 'The session of the cookie',
    description: 'Who is signed in, their roles now, and the CSRF token for writes. 401 without a valid session cookie.',
  })
  @ApiOkResponse({ type: SessionDto })
  session(@AuthRequest() req: AuthenticatedRequest): SessionDto {
    return this.sessions.current(req.session);
  }

  @Public()
  @Post('logout')
  @HttpCode(200)
  @UseInterceptors(SetCookieInterceptor)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session of the cookie (a valid one only with its `X-CSRF-Token`: 403 `csrf-mismatch` otherwise) and clears the cookie. For a session from the OpenID provider, `endSessionUrl` signs out there too.',
  })
  @ApiOkResponse({ type: LogoutDto })
  logout(@AuthRequest() req: AuthenticatedRequest): Promise<WithCookie<LogoutDto>> {
    return this.sessions.logout(req.headers.cookie, req.headers['x-csrf-token'] as string | undefined);
  }

  @Public()
  @Get('providers')
  @ApiOperation({
    summary: 'How to sign in',
    description: "Public: whether sign-in through the organisation's OpenID provider is on, so the console can offer it beside the API token.",
  })
  @ApiOkResponse({ type: SignInProvidersDto })
  providers(): SignInProvidersDto {
    return this.signIn.providers();
  }

  @Public()
  @Get('login')
  @Redirect()
  @UseInterceptors(SetCookieInterceptor)
  @ApiOperation({
    summary: 'Sign in through the OpenID provider',
    description:
      'Redirects to the provider (Authorization Code with PKCE). 404 `sign-in-unavailable` without AIMSFLOW_OIDC_ISSUER; 400 naming `returnTo` when it is not a path on this site.',
  })
  @ApiFoundResponse({ description: "Redirect to the provider's authorization endpoint" })
  login(@Query() query: LoginQueryDto): Promise<WithCookie<RedirectTo>> {
    return this.signIn.begin(query.returnTo);
  }

  @Public()
  @Get('callback')
  @Redirect()
  @UseInterceptors(SetCookieInterceptor)
  @ApiOperation({
    summary: "The OpenID provider's redirect back",
    description:
      'Exchanges the code, validates the ID token, opens a session and redirects to `returnTo`. 400 `invalid-login-state` (unknown, used or expired state, or another browser), 401 `login-failed` (the provider refused, or its answer did not validate).',
  })
  @ApiFoundResponse({ description: 'Signed in: redirect to returnTo with the session cookie' })
  callback(@AuthRequest() req: AuthenticatedRequest & { url: string }): Promise<WithCookie<RedirectTo>> {
    return this.signIn.complete(req.url.split('?')[1] ?? '', req.headers.cookie);
  }
}
