import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLE_KEYS_DESCRIPTION } from '../roles.js';

const SOURCES = ['token', 'admin-token', 'oidc'];

/** The console's token sign-in: an API token exchanged for a session cookie. */
export class TokenSessionDto {
  @ApiProperty({ description: 'An API token (the secret); it is checked, never stored, and the console keeps only the cookie', example: 'afw_x7Tq2a9Lw0c…' })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  token: string;
}

/** Who a session cookie signs in, and what a page needs to write with it. */
export class SessionDto {
  @ApiProperty({
    description: 'The person: an API token subject, or `<issuer>#<sub>` for someone signed in through the OpenID provider; segregation of duties compares it',
    example: 'https://login.example.com/realms/acme#4f1c2a9e-…',
  })
  identity: string;

  @ApiProperty({
    type: [String],
    description: `Roles now, re-resolved on every request (revoking the token or deactivating the person ends the session). ${ROLE_KEYS_DESCRIPTION}`,
    example: ['risk-officer'],
  })
  roles: string[];

  @ApiProperty({ enum: SOURCES, description: 'How the session was opened: an API token, the fixed admin token, or the OpenID provider', example: 'oidc' })
  source: string;

  @ApiProperty({ description: 'Send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE made with the cookie', example: 'q1w2e3r4t5y6u7i8o9p0…' })
  csrfToken: string;

  @ApiProperty({ description: 'When the session ends however active (AIMSFLOW_SESSION_TTL_MS after sign-in, or the token expiry if earlier)' })
  expiresAt: Date;

  @ApiProperty({ description: 'A session unused this many seconds ends (AIMSFLOW_SESSION_IDLE_MS)', example: 1800 })
  idleTimeoutSeconds: number;
}

export class LogoutDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Where to send the browser to sign out at the OpenID provider too (its end_session endpoint), or null: no provider session, or the provider has none',
    example: 'https://login.example.com/realms/acme/protocol/openid-connect/logout?client_id=aimsflow&id_token_hint=…',
  })
  endSessionUrl: string | null;
}
