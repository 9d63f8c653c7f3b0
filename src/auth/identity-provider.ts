import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet } from 'jose';
import * as client from 'openid-client';
import { PeopleDirectory } from '../common/people-directory.js';
import { RoleUsages } from '../common/role-usages.js';
import { type AppConfig, isLoopbackUrl, type OidcSettings } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';

/** A provider's keys as jose fetches them: refetched when a token names a key it does not have. */
export type ProviderKeys = ReturnType<typeof createRemoteJWKSet>;

/**
 * The organisation's OpenID provider as the service knows it (AIMSFLOW_OIDC_*): its discovered
 * metadata and client configuration (openid-client), and its signing keys (jose). Discovery is
 * tried at start-up without holding it up, and again on first use when the provider was not
 * reachable then, so API tokens keep working while the provider is down.
 */
@Injectable()
export class IdentityProvider implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityProvider.name);
  readonly settings?: OidcSettings;
  private discovered?: Promise<{ config: client.Configuration; keys: ProviderKeys }>;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly roleUsages: RoleUsages,
    private readonly people: PeopleDirectory,
  ) {
    this.settings = config.get('oidc', { infer: true });
  }

  /** A role the group mapping names cannot be deleted. */
  onModuleInit(): void {
    const mapping = this.settings?.roleMapping ?? {};
    this.roleUsages.register({
      describe: 'identity-provider group mappings',
      usages: async (role) =>
        Object.entries(mapping)
          .filter(([, roles]) => roles.includes(role))
          .map(([group]) => `AIMSFLOW_OIDC_ROLE_MAPPING group ${JSON.stringify(group)}`),
    });
  }

  /**
   * Discovery is started (not awaited), and the mapping's roles are checked against the directory.
   * An undefined role only warns: roles are created through the API of the running service, so the
   * mapping may name one before it exists; until then that group gives nobody a role.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings) return;
    this.discover().catch(() => undefined);
    const mapped = [...new Set(Object.values(this.settings.roleMapping).flat())];
    const undefinedRoles = mapped.length ? await this.people.undefinedRoles(mapped) : [];
    if (undefinedRoles.length) {
      this.logger.warn(
        `AIMSFLOW_OIDC_ROLE_MAPPING names roles that are not defined: ${undefinedRoles.join(', ')}; the groups mapped to them give no such role until it is created (POST /api/v1/roles)`,
      );
    }
  }

  /** The provider's settings, or 404 `sign-in-unavailable` when none is configured. */
  required(): OidcSettings {
    if (!this.settings) throw new AuthError(AuthErrorCode.SignInUnavailable, 'Sign-in through an OpenID provider is not configured (AIMSFLOW_OIDC_ISSUER)');
    return this.settings;
  }

  async configuration(): Promise<client.Configuration> {
    return (await this.discover()).config;
  }

  async keys(): Promise<ProviderKeys> {
    return (await this.discover()).keys;
  }

  /** The provider's logout URL for an ID token, when the provider has an end_session endpoint. */
  async endSessionUrl(idToken: string): Promise<string | null> {
    if (!this.settings) return null;
    const config = await this.configuration().catch(() => undefined);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, client_id: this.settings.clientId }).href;
  }

  private discover(): Promise<{ config: client.Configuration; keys: ProviderKeys }> {
    const settings = this.required();
    this.discovered ??= (async () => {
      const issuer = new URL(settings.issuer);
      const options = isLoopbackUrl(issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
      const config = await client.discovery(issuer, settings.clientId, settings.clientSecret, client.ClientSecretBasic(settings.clientSecret), options);
      const jwksUri = config.serverMetadata().jwks_uri;
      if (!jwksUri) throw new Error(`the provider ${settings.issuer} publishes no jwks_uri`);
      const keys = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: settings.jwksCooldownMs });
      this.logger.log(`OpenID provider ${settings.issuer} discovered`);
      return { config, keys };
    })().catch((error: unknown) => {
      // Not kept: the next request tries again.
      this.discovered = undefined;
      this.logger.warn(`OpenID provider ${settings.issuer} could not be discovered: ${error instanceof Error ? error.message : String(error)}`);
      throw new AuthError(AuthErrorCode.LoginFailed, `The OpenID provider ${settings.issuer} cannot be reached now; API tokens still work`);
    });
    return this.discovered;
  }
}
