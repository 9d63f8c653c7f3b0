import { ApiProperty } from '@nestjs/swagger';

/** How people may sign in to the console: always with an API token; with the organisation's OpenID provider when configured. */
export class SignInProvidersDto {
  @ApiProperty({ description: 'Sign-in through the OpenID provider is configured (AIMSFLOW_OIDC_ISSUER): GET /api/v1/auth/login starts it', example: true })
  oidc: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "What the console calls the provider on its button: the host of the provider's issuer; null when OIDC is off",
    example: 'login.example.com',
  })
  oidcName: string | null;
}
