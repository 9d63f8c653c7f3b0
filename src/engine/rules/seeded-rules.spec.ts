import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CompiledRuleSet } from './compiled-rule-set.js';
import { readRuleSetDirectory } from './load.js';
import type { RuleSetDocument } from './types.js';

const rulesDir = fileURLToPath(new URL('../../../rules/', import.meta.url));
const load = (key: string) => JSON.parse(readFileSync(`${rulesDir}${key}.json`, 'utf8')) as RuleSetDocument;

type Facts = Record<string, unknown>;
type Case = [label: string, facts: Facts, outcome: Record<string, unknown>];

/**
 * Runs a rule set's table: every case's facts must be valid for the rule set, its outcome must
 * match, and over the whole table every rule must both fire and not fire at least once.
 */
function table(key: string, cases: Case[], options: { alwaysFires?: string[]; exact?: boolean } = {}) {
  describe(key, () => {
    const compiled = CompiledRuleSet.compile(load(key));

    it.each(cases)('%s', async (_label, facts, outcome) => {
      expect(compiled.validateFacts(facts)).toEqual([]);
      const decision = await compiled.evaluate(facts);
      if (options.exact === false) expect(decision.outcome).toMatchObject(outcome);
      else expect(decision.outcome).toEqual(outcome);
    });

    it('covers every rule: each fires in some case and stays silent in another', async () => {
      const fired = new Set<string>();
      const silent = new Set<string>();
      for (const [, facts] of cases) {
        for (const rule of (await compiled.evaluate(facts)).explanation) (rule.fired ? fired : silent).add(rule.name);
      }
      const names = compiled.document.rules.map((rule) => rule.name);
      expect(names.filter((name) => !fired.has(name))).toEqual([]);
      expect(names.filter((name) => !silent.has(name) && !options.alwaysFires?.includes(name))).toEqual([]);
    });
  });
}

describe('rules/ folder', () => {
  it('holds only valid rule sets named after their key', async () => {
    const files = await readRuleSetDirectory(rulesDir);
    expect(files.map((file) => [file.file.slice(rulesDir.length), file.issues])).toEqual(
      [
        'effectiveness-review-delay',
        'eu-ai-act-obligations',
        'eu-ai-act-risk-class',
        'impact-level',
        'incident-reporting',
        'objective-breach',
        'policy-review-interval',
        'reassessment-triggers',
        'required-approvals',
        'required-controls',
        'review-interval',
        'risk-rating',
      ].map((key) => [`${key}.json`, []]),
    );
  });

  it('gives every rule a description a governance analyst can read', async () => {
    for (const { document } of await readRuleSetDirectory(rulesDir)) {
      for (const rule of (document as RuleSetDocument).rules) expect(rule.description.length).toBeGreaterThan(30);
    }
  });
});

// ---------------------------------------------------------------------------------------------
const risk = (riskClass: string, basis: string[], transparencyObligations: string[] = []) => ({ riskClass, basis, transparencyObligations });
const high = (point: number, transparency: string[] = []) => risk('high', ['Art. 6(2)', `Annex III(${point})`], transparency);
const art5: Array<[string, string]> = [
  ['subliminal-manipulation', 'a'],
  ['exploit-vulnerabilities', 'b'],
  ['social-scoring', 'c'],
  ['crime-prediction-profiling', 'd'],
  ['facial-image-scraping', 'e'],
  ['workplace-emotion-recognition', 'f'],
  ['sensitive-biometric-categorisation', 'g'],
  ['realtime-remote-biometric-identification-law-enforcement', 'h'],
];
const annexIII: Array<[string, number]> = [
  ['remote-biometric-identification', 1],
  ['biometric-categorisation', 1],
  ['emotion-recognition', 1],
  ['critical-infrastructure-safety', 2],
  ['education-admission', 3],
  ['education-assessment', 3],
  ['exam-proctoring', 3],
  ['recruitment', 4],
  ['employment-decisions', 4],
  ['worker-monitoring', 4],
  ['public-benefits-eligibility', 5],
  ['credit-scoring', 5],
  ['life-health-insurance-pricing', 5],
  ['emergency-triage', 5],
  ['law-enforcement', 6],
  ['migration-border-control', 7],
  ['judicial-assistance', 8],
  ['election-influence', 8],
];
const emotionOrBiometric = ['emotion-recognition', 'biometric-categorisation'];

table('eu-ai-act-risk-class', [
  ...art5.map(([useCase, letter]): Case => [
    `Art. 5(1)(${letter}): ${useCase} is prohibited`,
    { useCases: [useCase] },
    risk('prohibited', [`Art. 5(1)(${letter})`]),
  ]),
  ...annexIII.map(([useCase, point]): Case => [
    `Annex III(${point}): ${useCase} is high-risk`,
    { useCases: [useCase], art6_3Derogation: 'none', profilesNaturalPersons: false },
    high(point, emotionOrBiometric.includes(useCase) ? ['emotion-or-biometric-categorisation'] : []),
  ]),
  ['Annex III without any derogation attribute is high-risk', { useCases: ['credit-scoring'] }, high(5)],
  ...['narrow-procedural-task', 'improves-human-activity', 'detects-patterns', 'preparatory-task'].map((ground): Case => [
    `Art. 6(3) derogation (${ground}) without profiling: not high-risk`,
    { useCases: ['recruitment'], art6_3Derogation: ground, profilesNaturalPersons: false },
    risk('minimal', ['Art. 6(3)']),
  ]),
  [
    'derogation claimed but the system profiles natural persons: high-risk',
    { useCases: ['recruitment'], art6_3Derogation: 'preparatory-task', profilesNaturalPersons: true },
    high(4),
  ],
  [
    'derogation claimed, profiling not stated: high-risk (the derogation must be shown)',
    { useCases: ['education-assessment'], art6_3Derogation: 'detects-patterns' },
    high(3),
  ],
  ['no derogation, no profiling: high-risk', { useCases: ['worker-monitoring'], art6_3Derogation: 'none', profilesNaturalPersons: false }, high(4)],
  [
    'derogated emotion recognition keeps its Art. 50(3) duty: limited',
    { useCases: ['emotion-recognition'], art6_3Derogation: 'narrow-procedural-task', profilesNaturalPersons: false },
    risk('limited', ['Art. 50(3)'], ['emotion-or-biometric-categorisation']),
  ],
  [
    'derogated Annex III chatbot: limited',
    { useCases: ['judicial-assistance', 'chatbot'], art6_3Derogation: 'preparatory-task', profilesNaturalPersons: false },
    risk('limited', ['Art. 50(1)'], ['interacts-with-persons']),
  ],
  ['Annex I safety component: high-risk under Art. 6(1)', { safetyComponentOfRegulatedProduct: true, useCases: ['forecasting'] }, risk('high', ['Art. 6(1)'])],
  [
    'Annex I safety component with an Art. 6(3) ground: still high-risk (the derogation only covers Annex III)',
    { safetyComponentOfRegulatedProduct: true, art6_3Derogation: 'narrow-procedural-task', profilesNaturalPersons: false },
    risk('high', ['Art. 6(1)']),
  ],
  [
    'Annex I and Annex III together',
    { safetyComponentOfRegulatedProduct: true, useCases: ['critical-infrastructure-safety'] },
    risk('high', ['Art. 6(2)', 'Annex III(2)', 'Art. 6(1)']),
  ],
  ['several Annex III points', { useCases: ['recruitment', 'credit-scoring'] }, risk('high', ['Art. 6(2)', 'Annex III(4)', 'Annex III(5)'])],
  ['Art. 50(1): interacts with natural persons', { interactsWithNaturalPersons: true }, risk('limited', ['Art. 50(1)'], ['interacts-with-persons'])],
  ['Art. 50(1): chatbot use case', { useCases: ['chatbot'] }, risk('limited', ['Art. 50(1)'], ['interacts-with-persons'])],
  ['Art. 50(2): generates synthetic content', { generatesSyntheticContent: true }, risk('limited', ['Art. 50(2)'], ['synthetic-content'])],
  ['Art. 50(2): synthetic content generation use case', { useCases: ['synthetic-content-generation'] }, risk('limited', ['Art. 50(2)'], ['synthetic-content'])],
  [
    'Art. 50(4): deep fakes',
    { useCases: ['deep-fake'], generatesSyntheticContent: true },
    risk('limited', ['Art. 50(2)', 'Art. 50(4)'], ['synthetic-content', 'deep-fake']),
  ],
  [
    'high-risk chatbot: high-risk and still the transparency duty',
    { useCases: ['recruitment', 'chatbot'], interactsWithNaturalPersons: true },
    high(4, ['interacts-with-persons']),
  ],
  ['high-risk synthetic content: both', { useCases: ['education-assessment'], generatesSyntheticContent: true }, high(3, ['synthetic-content'])],
  [
    'prohibited beats high and limited, transparency duties remain',
    { useCases: ['social-scoring', 'credit-scoring', 'chatbot'] },
    risk('prohibited', ['Art. 5(1)(c)'], ['interacts-with-persons']),
  ],
  ['two prohibited practices', { useCases: ['subliminal-manipulation', 'exploit-vulnerabilities'] }, risk('prohibited', ['Art. 5(1)(a)', 'Art. 5(1)(b)'])],
  [
    'ordinary use cases: minimal',
    { useCases: ['spam-filtering', 'fraud-detection'], interactsWithNaturalPersons: false, generatesSyntheticContent: false },
    risk('minimal', []),
  ],
  ['no attributes at all: minimal', {}, risk('minimal', [])],
]);

// ---------------------------------------------------------------------------------------------
const ORG = ['A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3', 'A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6'];
const IMPACT = ['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'];
const DEV = ['A.6.1.2', 'A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5', 'A.6.2.6', 'A.6.2.7'];
const DATA = ['A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6'];
const INFO = ['A.8.2', 'A.8.3', 'A.8.4', 'A.8.5'];
const USE = ['A.9.2', 'A.9.3', 'A.9.4'];

describe('required-controls', () => {
  const compiled = CompiledRuleSet.compile(load('required-controls'));
  const required = async (facts: Facts) => {
    const { outcome } = await compiled.evaluate(facts);
    return outcome.controls as Array<{ id: string; sources: Array<{ rule: string; justification: string; basis: string[] }> }>;
  };
  const ids = (...groups: string[][]) => [...new Set(groups.flat())];
  const sorted = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

  const cases: Array<[string, Facts, string[]]> = [
    ['minimal-risk deployer: organisation-wide and responsible use', { riskClass: 'minimal', roles: ['deployer'] }, ids(ORG, USE)],
    ['minimal-risk developer: life cycle and data', { riskClass: 'minimal', roles: ['developer'] }, ids(ORG, DEV, DATA)],
    ['high-risk provider', { riskClass: 'high', roles: ['developer', 'provider'] }, ids(ORG, IMPACT, DEV, DATA, ['A.6.2.8'], INFO, ['A.10.2', 'A.10.4'])],
    [
      'high-risk third-party system deployed',
      { riskClass: 'high', roles: ['deployer'], thirdParty: true },
      ids(ORG, IMPACT, ['A.6.2.6', 'A.6.2.8', 'A.7.4'], INFO, USE, ['A.10.2', 'A.10.3']),
    ],
    [
      'prohibited system is treated like a high-risk one',
      { riskClass: 'prohibited', roles: ['deployer'] },
      ids(ORG, IMPACT, ['A.6.2.6', 'A.6.2.8', 'A.7.4'], INFO, USE),
    ],
    ['personal data', { riskClass: 'minimal', roles: ['deployer'], processesPersonalData: true }, ids(ORG, ['A.5.2', 'A.5.3', 'A.5.4'], USE)],
    ['special-category data', { riskClass: 'minimal', roles: ['deployer'], specialCategoryData: true }, ids(ORG, ['A.5.2', 'A.5.3', 'A.5.4'], USE)],
    ['automated decisions', { riskClass: 'minimal', roles: ['deployer'], automatedDecisionMaking: true }, ids(ORG, IMPACT, ['A.8.5'], USE)],
    ['limited-risk chatbot', { riskClass: 'limited', roles: ['deployer'], interactsWithNaturalPersons: true }, ids(ORG, ['A.6.2.8', 'A.8.2', 'A.8.5'], USE)],
    ['synthetic content flagged without a class yet', { roles: ['deployer'], generatesSyntheticContent: true }, ids(ORG, ['A.6.2.8', 'A.8.2', 'A.8.5'], USE)],
    ['importer and distributor', { riskClass: 'minimal', roles: ['importer', 'distributor'] }, ids(ORG, ['A.10.2', 'A.10.4'])],
    ['third-party supplier', { riskClass: 'minimal', roles: ['deployer'], thirdParty: true }, ids(ORG, USE, ['A.10.2', 'A.10.3'])],
    ['nothing known: organisation-wide only', {}, ORG],
  ];

  it.each(cases)('%s', async (_label, facts, expected) => {
    expect(compiled.validateFacts(facts)).toEqual([]);
    expect((await required(facts)).map((control) => control.id)).toEqual(sorted(expected));
  });

  it('says why each control is required: every rule with its justification and basis', async () => {
    const controls = await required({ riskClass: 'high', roles: ['provider'] });
    const a627 = controls.find((control) => control.id === 'A.6.2.7');
    expect(a627?.sources.map((source) => source.rule)).toEqual(['development-lifecycle', 'high-risk-provider-lifecycle']);
    expect(a627?.sources[1]).toEqual({
      rule: 'high-risk-provider-lifecycle',
      justification: expect.stringContaining('high-risk'),
      basis: expect.arrayContaining(['Art. 11']),
    });
    expect(controls.find((control) => control.id === 'A.6.2.8')?.sources).toEqual([
      expect.objectContaining({ rule: 'high-risk-event-logs', basis: ['Art. 12', 'Art. 19', 'Art. 26(6)'] }),
    ]);
  });

  it('fires every rule in some case', async () => {
    const fired = new Set<string>();
    for (const [, facts] of cases) for (const rule of (await compiled.evaluate(facts)).explanation) if (rule.fired) fired.add(rule.name);
    expect(compiled.document.rules.map((rule) => rule.name).filter((name) => !fired.has(name))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
const approval = (approverRoles: string[], extra: Record<string, unknown> = {}) => ({
  approverRoles,
  minApprovers: approverRoles.length,
  fourEyes: approverRoles.length >= 2,
  blocked: false,
  basis: [],
  ...extra,
});

table('required-approvals', [
  ['impact assessment, minimal risk, low impact', { step: 'impact-assessment', riskClass: 'minimal', impactLevel: 'low' }, approval(['compliance-officer'])],
  ['impact assessment, nothing classified yet', { step: 'impact-assessment' }, approval(['compliance-officer'])],
  [
    'impact assessment, limited risk',
    { step: 'impact-assessment', riskClass: 'limited', impactLevel: 'low' },
    approval(['compliance-officer', 'risk-officer']),
  ],
  [
    'impact assessment, medium impact',
    { step: 'impact-assessment', riskClass: 'minimal', impactLevel: 'medium' },
    approval(['compliance-officer', 'risk-officer']),
  ],
  [
    'impact assessment, high risk',
    { step: 'impact-assessment', riskClass: 'high', impactLevel: 'medium' },
    approval(['compliance-officer', 'risk-officer', 'dpo']),
  ],
  [
    'impact assessment, high impact',
    { step: 'impact-assessment', riskClass: 'minimal', impactLevel: 'high' },
    approval(['compliance-officer', 'risk-officer', 'dpo']),
  ],
  ['risk acceptance, standard', { step: 'risk-acceptance', riskClass: 'minimal', impactLevel: 'low' }, approval(['risk-officer'])],
  ['risk acceptance, elevated', { step: 'risk-acceptance', riskClass: 'limited' }, approval(['risk-officer', 'compliance-officer'])],
  [
    'risk acceptance, high risk: top management',
    { step: 'risk-acceptance', riskClass: 'high', impactLevel: 'low' },
    approval(['risk-officer', 'top-management']),
  ],
  ['deployment, standard', { step: 'deployment', riskClass: 'minimal', impactLevel: 'low' }, approval(['compliance-officer'])],
  ['deployment, elevated', { step: 'deployment', riskClass: 'minimal', impactLevel: 'medium' }, approval(['compliance-officer', 'risk-officer'])],
  ['deployment, high', { step: 'deployment', riskClass: 'high', impactLevel: 'high' }, approval(['compliance-officer', 'risk-officer', 'top-management'])],
  [
    'deployment of a prohibited system is blocked',
    { step: 'deployment', riskClass: 'prohibited' },
    approval(['compliance-officer', 'risk-officer', 'top-management'], { blocked: true, basis: ['Art. 5'] }),
  ],
  ['corrective action, not high', { step: 'corrective-action', riskClass: 'limited', impactLevel: 'medium' }, approval(['compliance-officer'])],
  [
    'corrective action, high impact',
    { step: 'corrective-action', riskClass: 'minimal', impactLevel: 'high' },
    approval(['compliance-officer', 'risk-officer']),
  ],
  [
    'corrective action on a prohibited system is not blocked',
    { step: 'corrective-action', riskClass: 'prohibited' },
    approval(['compliance-officer', 'risk-officer']),
  ],
]);

// ---------------------------------------------------------------------------------------------
const reassess = (reasons: string[], scope: string[]) => ({ reassess: true, reasons, scope });
const noReassessment = { reassess: false, reasons: [], scope: [] };
const RA = 'risk-assessment';
const IA = 'impact-assessment';
const CL = 'classification';

table('reassessment-triggers', [
  ['major version', { semverBump: 'major', riskClass: 'minimal' }, reassess(['major-model-version'], [RA, IA])],
  ['minor version of a high-risk system', { semverBump: 'minor', riskClass: 'high' }, reassess(['minor-model-version-high-risk'], [RA])],
  ['minor version of a minimal-risk system', { semverBump: 'minor', riskClass: 'minimal' }, noReassessment],
  ['patch version of a high-risk system', { semverBump: 'patch', riskClass: 'high' }, noReassessment],
  ['no version change', { semverBump: 'none', providerChanged: false, modelNameChanged: false }, noReassessment],
  ['provider changed', { semverBump: 'none', providerChanged: true }, reassess(['model-provider-changed'], [RA, IA])],
  ['model replaced', { modelNameChanged: true }, reassess(['model-replaced'], [RA, IA])],
  ['training data changed (patch version)', { semverBump: 'patch', trainingDataChanged: true }, reassess(['training-data-changed'], [RA, IA])],
  ['architecture changed', { architectureChanged: true }, reassess(['architecture-changed'], [RA, IA])],
  ['intended purpose changed', { intendedPurposeChanged: true }, reassess(['intended-purpose-changed'], [CL, IA, RA])],
  ['new use case', { newUseCase: true }, reassess(['new-use-case'], [CL, IA, RA])],
  ['new deployment region', { newDeploymentRegion: true }, reassess(['new-deployment-region'], [CL, IA])],
  ['new affected persons', { newAffectedPersons: true }, reassess(['new-affected-persons'], [IA, RA])],
  [
    'several changes: every reason, scope merged',
    { semverBump: 'major', providerChanged: true, newDeploymentRegion: true, riskClass: 'high' },
    reassess(['major-model-version', 'model-provider-changed', 'new-deployment-region'], [RA, IA, CL]),
  ],
]);

// ---------------------------------------------------------------------------------------------
table('review-interval', [
  ['minimal risk, low impact', { riskClass: 'minimal', impactLevel: 'low' }, { interval: 'P24M' }],
  ['nothing known', {}, { interval: 'P24M' }],
  ['limited risk', { riskClass: 'limited', impactLevel: 'low' }, { interval: 'P12M' }],
  ['medium impact', { riskClass: 'minimal', impactLevel: 'medium' }, { interval: 'P12M' }],
  ['high risk', { riskClass: 'high', impactLevel: 'low' }, { interval: 'P6M' }],
  ['high impact', { riskClass: 'minimal', impactLevel: 'high' }, { interval: 'P6M' }],
  ['limited risk with high impact: the shorter interval', { riskClass: 'limited', impactLevel: 'high' }, { interval: 'P6M' }],
  ['prohibited', { riskClass: 'prohibited', impactLevel: 'high' }, { interval: 'P3M' }],
]);

// ---------------------------------------------------------------------------------------------
const band = (score: number) => (score >= 20 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low');
const levels = [1, 2, 3, 4, 5];

table(
  'risk-rating',
  levels.flatMap((likelihood) =>
    levels.map((severity): Case => {
      const rating = band(likelihood * severity);
      const topManagement = rating === 'high' || rating === 'critical';
      return [
        `likelihood ${likelihood} × severity ${severity} = ${likelihood * severity}: ${rating}`,
        { likelihood, severity },
        {
          rating,
          treatmentRequired: rating !== 'low',
          requiresTopManagementAcceptance: topManagement,
          acceptanceRole: topManagement ? 'top-management' : 'risk-officer',
          treatmentThreshold: 'medium',
        },
      ];
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
const dimension = (severity: number, likelihood: number) => ({ severity, likelihood });
const impact = (impactLevel: string, drivers: string[] = []) => ({ impactLevel, drivers });

table('impact-level', [
  ['all dimensions low', { individuals: dimension(1, 1), groups: dimension(2, 2), society: dimension(1, 4), organisation: dimension(4, 1) }, impact('low')],
  ['not assessed yet', {}, impact('low')],
  ['individuals high', { individuals: dimension(3, 4), groups: dimension(1, 1) }, impact('high', ['individuals'])],
  ['groups high', { groups: dimension(4, 3) }, impact('high', ['groups'])],
  ['society high', { society: dimension(5, 5) }, impact('high', ['society'])],
  ['organisation high', { organisation: dimension(4, 4) }, impact('high', ['organisation'])],
  ['individuals medium (severe but rare)', { individuals: dimension(5, 1) }, impact('medium', ['individuals'])],
  ['groups medium (likely but minor)', { groups: dimension(1, 5) }, impact('medium', ['groups'])],
  ['society medium', { society: dimension(2, 3) }, impact('medium', ['society'])],
  ['organisation medium', { organisation: dimension(3, 3) }, impact('medium', ['organisation'])],
  ['score 10 is medium, not high', { individuals: dimension(5, 2), society: dimension(2, 5) }, impact('medium', ['individuals', 'society'])],
  [
    'the highest dimension decides; drivers are the dimensions at that level',
    { individuals: dimension(3, 2), groups: dimension(4, 4), society: dimension(5, 3), organisation: dimension(2, 2) },
    impact('high', ['groups', 'society']),
  ],
]);

describe('impact-level per dimension', () => {
  it('follows severity × likelihood: high from 12, medium from 5', async () => {
    const compiled = CompiledRuleSet.compile(load('impact-level'));
    for (const severity of levels) {
      for (const likelihood of levels) {
        const score = severity * likelihood;
        const expected = score >= 12 ? 'high' : score >= 5 ? 'medium' : 'low';
        expect([severity, likelihood, (await compiled.evaluate({ society: dimension(severity, likelihood) })).outcome.impactLevel]).toEqual([
          severity,
          likelihood,
          expected,
        ]);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
table('effectiveness-review-delay', [
  ['major nonconformity', { severity: 'major' }, { delay: 'P30D' }],
  ['minor nonconformity', { severity: 'minor' }, { delay: 'P60D' }],
  ['observation', { severity: 'observation', recurrence: false }, { delay: 'P90D' }],
  ['recurring minor nonconformity: the recurrence rule has priority', { severity: 'minor', recurrence: true }, { delay: 'P30D' }],
  ['recurring observation', { severity: 'observation', recurrence: true }, { delay: 'P30D' }],
]);

describe('facts validation of seeded rule sets', () => {
  it('rejects bad facts with pointers into the request', () => {
    expect(CompiledRuleSet.compile(load('eu-ai-act-risk-class')).validateFacts({ useCases: ['recruitment', 'mind-reading'] })).toEqual([
      { pointer: '/facts/useCases/1', message: expect.stringMatching(/^must be one of: "subliminal-manipulation", /) },
    ]);
    expect(CompiledRuleSet.compile(load('required-approvals')).validateFacts({ riskClass: 'high' })).toEqual([
      { pointer: '/facts/step', message: 'is required' },
    ]);
    expect(CompiledRuleSet.compile(load('risk-rating')).validateFacts({ likelihood: 6, severity: 0 })).toEqual([
      { pointer: '/facts/likelihood', message: 'must be <= 5' },
      { pointer: '/facts/severity', message: 'must be >= 1' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
const serious = (deadline: string, reminderBefore: string, basis: string[]) => ({ serious: true, deadline, reminderBefore, basis });

table('incident-reporting', [
  ['no effect of Art. 3(49): not a serious incident', { effects: [] }, { serious: false, deadline: '', reminderBefore: '', basis: [] }],
  ['widespread but with no serious effect: not serious', { effects: [], widespread: true }, { serious: false, deadline: '', reminderBefore: '', basis: [] }],
  [
    'serious harm to health: 15 days (Art. 73(2))',
    { effects: ['serious-harm-to-health'], widespread: false },
    serious('P15D', 'P5D', ['Art. 3(49)', 'Art. 73(2)']),
  ],
  ['fundamental-rights infringement: 15 days', { effects: ['fundamental-rights-infringement'] }, serious('P15D', 'P5D', ['Art. 3(49)', 'Art. 73(2)'])],
  ['harm to property or the environment: 15 days', { effects: ['property-or-environment-harm'] }, serious('P15D', 'P5D', ['Art. 3(49)', 'Art. 73(2)'])],
  ['a death: 10 days (Art. 73(4))', { effects: ['death', 'serious-harm-to-health'] }, serious('P10D', 'P3D', ['Art. 3(49)(a)', 'Art. 73(4)'])],
  [
    'critical infrastructure disrupted: 2 days (Art. 73(3))',
    { effects: ['critical-infrastructure-disruption'] },
    serious('P2D', 'PT12H', ['Art. 3(49)(b)', 'Art. 73(3)']),
  ],
  [
    'a widespread infringement: 2 days, also when someone died',
    { effects: ['fundamental-rights-infringement', 'death'], widespread: true },
    serious('P2D', 'PT12H', ['Art. 3(61)', 'Art. 73(3)']),
  ],
]);

// ---------------------------------------------------------------------------------------------
describe('eu-ai-act-obligations', () => {
  const compiled = CompiledRuleSet.compile(load('eu-ai-act-obligations'));
  const obligations = async (facts: Facts) => {
    expect(compiled.validateFacts(facts)).toEqual([]);
    return ((await compiled.evaluate(facts)).outcome.obligations as Array<Record<string, unknown>>).map((o) => `${o.article} ${o.appliesFrom} ${o.source}`);
  };
  const cases: Array<[string, Facts, string[]]> = [
    [
      'a minimal-risk system a deployer uses: AI literacy only',
      { roles: ['deployer'], riskClass: 'minimal', useCases: ['spam-filtering'] },
      ['Art. 4 2025-02-02 official-journal'],
    ],
    ['a developer with no provider or deployer role: nothing', { roles: ['developer'], riskClass: 'minimal' }, []],
    [
      'a prohibited practice binds every operator from 2 February 2025',
      { roles: ['importer'], riskClass: 'prohibited', useCases: ['social-scoring'] },
      ['Art. 5 2025-02-02 official-journal'],
    ],
    [
      'a provider of a general-purpose AI model: Chapter V from 2 August 2025',
      { roles: ['provider'], riskClass: 'minimal', generalPurposeAiModel: true },
      ['Art. 4 2025-02-02 official-journal', 'Art. 53–55 2025-08-02 official-journal'],
    ],
    [
      'a provider of a chatbot generating text: Art. 50(1) and (2) from 2 August 2026',
      { roles: ['provider'], riskClass: 'limited', useCases: ['chatbot'], generatesSyntheticContent: true },
      ['Art. 4 2025-02-02 official-journal', 'Art. 50(1) 2026-08-02 official-journal', 'Art. 50(2) 2026-08-02 official-journal'],
    ],
    [
      'a deployer of deep fakes and emotion recognition (derogated): Art. 50(3) and (4)',
      { roles: ['deployer'], riskClass: 'limited', useCases: ['deep-fake', 'emotion-recognition'] },
      ['Art. 4 2025-02-02 official-journal', 'Art. 50(3) 2026-08-02 official-journal', 'Art. 50(4) 2026-08-02 official-journal'],
    ],
    [
      'the provider of an Annex III system: high-risk obligations from 2 December 2027 (Digital Omnibus)',
      { roles: ['provider'], riskClass: 'high', useCases: ['recruitment'] },
      [
        'Art. 4 2025-02-02 official-journal',
        ...['Art. 8–15', 'Art. 16–17', 'Art. 43', 'Art. 49', 'Art. 72', 'Art. 73'].map((a) => `${a} 2027-12-02 digital-omnibus`),
      ],
    ],
    [
      'a public-service deployer of an Annex III system: Art. 26 and the FRIA from 2 December 2027',
      { roles: ['deployer'], riskClass: 'high', useCases: ['public-benefits-eligibility'], publicServiceDeployer: true },
      ['Art. 4 2025-02-02 official-journal', 'Art. 26 2027-12-02 digital-omnibus', 'Art. 27 2027-12-02 digital-omnibus'],
    ],
    [
      'importer and distributor of an Annex III system',
      { roles: ['importer', 'distributor'], riskClass: 'high', useCases: ['credit-scoring'] },
      ['Art. 23 2027-12-02 digital-omnibus', 'Art. 24 2027-12-02 digital-omnibus'],
    ],
    [
      'an Annex I product system: from 2 August 2028, for provider, deployer, importer',
      { roles: ['provider', 'deployer', 'importer'], riskClass: 'high', safetyComponentOfRegulatedProduct: true, useCases: ['forecasting'] },
      [
        'Art. 4 2025-02-02 official-journal',
        ...['Art. 8–15', 'Art. 16–17', 'Art. 43', 'Art. 49', 'Art. 72', 'Art. 73'].map((a) => `${a} 2028-08-02 digital-omnibus`),
        'Art. 26 2028-08-02 digital-omnibus',
        'Art. 23 2028-08-02 digital-omnibus',
        'Art. 24 2028-08-02 digital-omnibus',
      ],
    ],
    [
      'an Annex III use derogated under Art. 6(3) (not high-risk): no high-risk obligations',
      { roles: ['provider'], riskClass: 'minimal', useCases: ['recruitment'] },
      ['Art. 4 2025-02-02 official-journal'],
    ],
  ];

  it.each(cases)('%s', async (_label, facts, expected) => {
    expect(await obligations(facts)).toEqual(expected);
  });

  it('covers every rule and cites an article and the source of its date in every description', async () => {
    const fired = new Set<string>();
    const silent = new Set<string>();
    for (const [, facts] of cases) for (const rule of (await compiled.evaluate(facts)).explanation) (rule.fired ? fired : silent).add(rule.name);
    const names = compiled.document.rules.map((rule) => rule.name);
    expect(names.filter((name) => !fired.has(name) || !silent.has(name))).toEqual([]);
    for (const rule of compiled.document.rules) {
      expect(rule.description).toMatch(/Art\. \d+/);
      expect(rule.description).toMatch(/Official Journal|Digital Omnibus/);
      for (const o of rule.event.params?.obligations as Array<Record<string, string>>) {
        expect(o.source === 'official-journal' ? o.sourceRef.startsWith('Regulation (EU) 2024/1689 Art. 113') : o.source).toBeTruthy();
        expect(['official-journal', 'digital-omnibus']).toContain(o.source);
        expect(o.appliesFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
table('policy-review-interval', [
  ['the AI policy: every 12 months', { kind: 'ai-policy' }, { interval: 'P12M' }],
  ['a topic-specific policy: every 24 months', { kind: 'topic-specific', coversHighRiskSystems: false }, { interval: 'P24M' }],
  ['a policy governing high-risk systems: every 6 months', { kind: 'topic-specific', coversHighRiskSystems: true }, { interval: 'P6M' }],
]);

// ---------------------------------------------------------------------------------------------
table('objective-breach', [
  ['at least 95, measured 96: met', { value: 96, target: 95, direction: 'at-least', deviationPercent: 0 }, { breach: false, severity: 'none' }],
  ['at least 95, measured 90: minor', { value: 90, target: 95, direction: 'at-least', deviationPercent: 5.26 }, { breach: true, severity: 'minor' }],
  ['at least 95, measured 70: major', { value: 70, target: 95, direction: 'at-least', deviationPercent: 26.3 }, { breach: true, severity: 'major' }],
  ['at most 2, measured 2: met', { value: 2, target: 2, direction: 'at-most', deviationPercent: 0 }, { breach: false, severity: 'none' }],
  ['at most 2, measured 2.2: minor', { value: 2.2, target: 2, direction: 'at-most', deviationPercent: 10 }, { breach: true, severity: 'minor' }],
  ['at most 2, measured 3: major', { value: 3, target: 2, direction: 'at-most', deviationPercent: 50 }, { breach: true, severity: 'major' }],
]);
