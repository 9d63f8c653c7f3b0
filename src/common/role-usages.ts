/**
 * Where a role is still named, so it is not deleted from under its users. Modules that name roles
 * in their own data (process definitions, tokens, tasks, identity-provider group mappings) register
 * a source in their `onModuleInit`; the people module asks every source before deleting a role and
 * refuses with 409 `role-in-use` listing what they said.
 */
export interface RoleUsageSource {
  /** What the source holds, for the `usedBy` list: `process definitions`, `tokens`, `identity-provider group mappings`. */
  describe: string;
  /** The places naming the role (short, human-readable: `risk-treatment v2 element Review`); empty when none. */
  usages(roleKey: string): Promise<string[]>;
}

export interface RoleUsage {
  source: string;
  usages: string[];
}

/** The registry of role usage sources (provided globally by the people module). */
export class RoleUsages {
  private readonly sources: RoleUsageSource[] = [];

  register(source: RoleUsageSource): void {
    this.sources.push(source);
  }

  /** Every source that names the role, with where; empty when the role is unused. */
  async of(roleKey: string): Promise<RoleUsage[]> {
    const found = await Promise.all(this.sources.map(async (source) => ({ source: source.describe, usages: await source.usages(roleKey) })));
    return found.filter((usage) => usage.usages.length > 0);
  }
}
