/**
 * The change facts the `reassessment-triggers` rule set reads, derived from what changed: a new
 * model version, or a system's attributes. Pure functions; the service adds the risk class.
 */
export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

export interface ModelRef {
  provider?: string | null;
  name?: string | null;
  version?: string | null;
}

/** What an integration may declare about a new model version besides its number. */
export interface DeclaredChanges {
  trainingDataChanged?: boolean;
  architectureChanged?: boolean;
  intendedPurposeChanged?: boolean;
  newDeploymentRegions?: string[];
  newUseCases?: string[];
  newAffectedPersons?: string[];
}

export interface ChangeFacts {
  semverBump: SemverBump;
  providerChanged: boolean;
  modelNameChanged: boolean;
  trainingDataChanged: boolean;
  architectureChanged: boolean;
  intendedPurposeChanged: boolean;
  newDeploymentRegion: boolean;
  newAffectedPersons: boolean;
  newUseCase: boolean;
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

/** The largest part that moved between two semver versions; `none` when equal, backwards or not semver. */
export function semverBump(previous: string | null | undefined, next: string | null | undefined): SemverBump {
  const a = previous?.match(SEMVER);
  const b = next?.match(SEMVER);
  if (!a || !b) return 'none';
  const [, aMajor, aMinor, aPatch] = a.map(Number);
  const [, bMajor, bMinor, bPatch] = b.map(Number);
  if (bMajor !== aMajor) return bMajor > aMajor ? 'major' : 'none';
  if (bMinor !== aMinor) return bMinor > aMinor ? 'minor' : 'none';
  return bPatch > aPatch ? 'patch' : 'none';
}

const NO_CHANGE: ChangeFacts = {
  semverBump: 'none',
  providerChanged: false,
  modelNameChanged: false,
  trainingDataChanged: false,
  architectureChanged: false,
  intendedPurposeChanged: false,
  newDeploymentRegion: false,
  newAffectedPersons: false,
  newUseCase: false,
};

/** A new model version against the system's current model (a first model is no change of provider or name). */
export function modelChangeFacts(current: ModelRef | null | undefined, next: ModelRef, declared: DeclaredChanges = {}): ChangeFacts {
  const known = Boolean(current?.provider || current?.name);
  const sameModel = current?.provider === next.provider && current?.name === next.name;
  return {
    ...NO_CHANGE,
    semverBump: sameModel ? semverBump(current?.version, next.version) : 'none',
    providerChanged: known && current?.provider !== next.provider,
    modelNameChanged: known && current?.name !== next.name,
    trainingDataChanged: declared.trainingDataChanged === true,
    architectureChanged: declared.architectureChanged === true,
    intendedPurposeChanged: declared.intendedPurposeChanged === true,
    newDeploymentRegion: (declared.newDeploymentRegions?.length ?? 0) > 0,
    newAffectedPersons: (declared.newAffectedPersons?.length ?? 0) > 0,
    newUseCase: (declared.newUseCases?.length ?? 0) > 0,
  };
}

function added(before: unknown, after: unknown): boolean {
  const old = new Set(Array.isArray(before) ? before : []);
  return (Array.isArray(after) ? after : []).some((value) => !old.has(value));
}

export interface SystemSnapshot {
  intendedPurpose: string;
  attributes: Record<string, unknown>;
}

/** An attribute change (PATCH) as change facts: new purpose, region, affected persons or use case. */
export function attributeChangeFacts(before: SystemSnapshot, after: SystemSnapshot): ChangeFacts {
  return {
    ...NO_CHANGE,
    intendedPurposeChanged: before.intendedPurpose !== after.intendedPurpose,
    newDeploymentRegion: added(before.attributes.deploymentRegions, after.attributes.deploymentRegions),
    newAffectedPersons: added(before.attributes.affectedPersons, after.attributes.affectedPersons),
    newUseCase: added(before.attributes.useCases, after.attributes.useCases),
  };
}

export function anyChange(facts: ChangeFacts): boolean {
  return Object.entries(facts).some(([key, value]) => (key === 'semverBump' ? value !== 'none' : value === true));
}
