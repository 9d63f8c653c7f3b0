/** Deterministic pseudo-random AI system attributes for benchmarks (same seed, same systems). */
export function createRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const USE_CASES = [
  'recruitment',
  'credit-scoring',
  'chatbot',
  'spam-filtering',
  'recommendation',
  'fraud-detection',
  'exam-proctoring',
  'emergency-triage',
  'internal-analytics',
  'synthetic-content-generation',
  'code-assistant',
  'document-processing',
];
const ORG_ROLES = ['developer', 'provider', 'deployer', 'importer', 'distributor'];
const DEROGATIONS = ['none', 'none', 'none', 'narrow-procedural-task', 'preparatory-task'];

function pick<T>(random: () => number, list: T[]): T {
  return list[Math.floor(random() * list.length)];
}

function some<T>(random: () => number, list: T[], max: number): T[] {
  const count = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: count }, () => pick(random, list)))];
}

export interface GeneratedSystem {
  roles: string[];
  thirdParty: boolean;
  attributes: Record<string, unknown>;
}

export function generateSystem(random: () => number): GeneratedSystem {
  return {
    roles: some(random, ORG_ROLES, 2),
    thirdParty: random() < 0.5,
    attributes: {
      useCases: some(random, USE_CASES, 2),
      profilesNaturalPersons: random() < 0.4,
      art6_3Derogation: pick(random, DEROGATIONS),
      safetyComponentOfRegulatedProduct: random() < 0.05,
      interactsWithNaturalPersons: random() < 0.5,
      generatesSyntheticContent: random() < 0.2,
      processesPersonalData: random() < 0.6,
      specialCategoryData: random() < 0.1,
      automatedDecisionMaking: random() < 0.3,
    },
  };
}

/** Facts as the service builds them for the required-controls rule set. */
export function controlsFacts(random: () => number): Record<string, unknown> {
  const system = generateSystem(random);
  return { ...system.attributes, roles: system.roles, thirdParty: system.thirdParty, riskClass: pick(random, ['minimal', 'limited', 'high', 'prohibited']) };
}
