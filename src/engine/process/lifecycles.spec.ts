import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import {
  addDays,
  addMonths,
  completeChild,
  decideAll,
  HANDLERS,
  keys,
  lifecycle,
  RULE_SETS,
  T0,
  task,
  userWaits,
  type Vars,
  world,
  type World,
} from './lifecycle-spec-helpers.js';
import { aimsflowPackage } from './moddle-packages.js';
import { parseProcess } from './parse.js';
import { Driver, processFile } from './spec-helpers.js';
import { definitionWarnings, validateDefinition } from './validate.js';

/**
 * The ISO/IEC 42001 lifecycles of processes/*.bpmn, walked with the runner: fake rule outcomes from a table,
 * handlers as jest fakes recording their inputs. Every event goes through the JSON persistence round trip (Driver).
 */

const PROCESSES = [
  'ai-system-onboarding',
  'impact-assessment',
  'risk-treatment',
  'nonconformity',
  'internal-audit',
  'certification-audit',
  'incident',
  'serious-incident-report',
  'ai-policy',
  'objective',
];
const CONTROL_IDS =
  'A.2.2,A.2.3,A.2.4,A.3.2,A.3.3,A.4.2,A.4.3,A.4.4,A.4.5,A.4.6,A.5.2,A.5.3,A.5.4,A.5.5,A.6.1.2,A.6.1.3,A.6.2.2,A.6.2.3,A.6.2.4,A.6.2.5,A.6.2.6,A.6.2.7,A.6.2.8,A.7.2,A.7.3,A.7.4,A.7.5,A.7.6,A.8.2,A.8.3,A.8.4,A.8.5,A.9.2,A.9.3,A.9.4,A.10.2,A.10.3,A.10.4'.split(
    ',',
  );

// ------------------------------------------------------------------------------------------------------------------

describe('the lifecycle definitions in processes/', () => {
  it.each(PROCESSES)('%s parses and validates with the real rule set keys and the app handler names', async (key) => {
    const parsed = await parseProcess(processFile(key));
    expect(parsed.key).toBe(key);
    expect(parsed.name).toEqual(expect.any(String));
    expect(validateDefinition(parsed, { knownHandlers: new Set(HANDLERS) })).toEqual([]);
    // Every rule set a lifecycle evaluates ships with it (a missing one would only be a warning at start-up).
    const missingRuleSets = (known: string[]) => definitionWarnings(parsed, { knownRuleSets: new Set(known) }).filter((w) => /^rule set/.test(w.message));
    expect(missingRuleSets(RULE_SETS)).toEqual([]);
    // Only the real lists: an unknown rule set or handler would be reported.
    expect(validateDefinition(parsed, { knownHandlers: new Set() }).length + missingRuleSets([]).length).toBeGreaterThan(0);
  });

  it.each(PROCESSES)('%s: the process, every flow node, every sequence flow and every message has documentation', async (key) => {
    const parsed = await parseProcess(processFile(key));
    expect(parsed.documentation).toEqual(expect.any(String));
    expect(parsed.elements.filter((e) => !e.documentation?.trim()).map((e) => e.id)).toEqual([]);
    expect(parsed.elements.filter((e) => !e.name?.trim()).map((e) => e.id)).toEqual([]);

    const { rootElement } = await new BpmnModdle({ aimsflow: aimsflowPackage }).fromXML(processFile(key), 'bpmn:Definitions');
    const roots = rootElement.rootElements as ModdleElement[];
    const process = roots.find((r) => r.$type === 'bpmn:Process') as ModdleElement;
    const documented = (el: ModdleElement): boolean => ((el.documentation as Array<{ text?: string }> | undefined) ?? []).some((doc) => !!doc.text?.trim());
    const everything = [...(process.flowElements as ModdleElement[]), ...roots.filter((r) => r.$type === 'bpmn:Message')];
    expect(everything.filter((el) => !documented(el)).map((el) => el.id)).toEqual([]);
  });

  it.each(PROCESSES)('%s has a complete diagram: one shape per flow node, one edge with waypoints per sequence flow', async (key) => {
    const { rootElement } = await new BpmnModdle({ aimsflow: aimsflowPackage }).fromXML(processFile(key), 'bpmn:Definitions');
    const process = (rootElement.rootElements as ModdleElement[]).find((r) => r.$type === 'bpmn:Process') as ModdleElement;
    const diagrams = rootElement.diagrams as ModdleElement[];
    expect(diagrams).toHaveLength(1);
    const plane = diagrams[0].plane as ModdleElement;
    expect((plane.bpmnElement as ModdleElement).id).toBe(key);
    const di = new Map((plane.planeElement as ModdleElement[]).map((e) => [(e.bpmnElement as ModdleElement).id, e]));
    for (const el of process.flowElements as ModdleElement[]) {
      const shape = di.get(el.id);
      expect({ id: el.id, di: shape?.$type }).toEqual({ id: el.id, di: el.$type === 'bpmn:SequenceFlow' ? 'bpmndi:BPMNEdge' : 'bpmndi:BPMNShape' });
      if (el.$type === 'bpmn:SequenceFlow') expect((shape?.waypoint as unknown[]).length).toBeGreaterThanOrEqual(2);
      else expect(shape?.bounds).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    }
    expect(di.size).toBe((process.flowElements as unknown[]).length);
  });

  it('uses only the reference roles in candidate roles', async () => {
    const roles = new Set(['ai-owner', 'risk-officer', 'compliance-officer', 'dpo', 'top-management', 'auditor', 'external-auditor']);
    for (const key of PROCESSES) {
      const parsed = await parseProcess(processFile(key));
      for (const el of parsed.elements) {
        if (el.kind !== 'userTask' || el.candidateRoles?.startsWith('=')) continue;
        for (const role of (el.candidateRoles ?? '').split(','))
          expect({ key, el: el.id, role: roles.has(role.trim()) }).toEqual({ key, el: el.id, role: true });
      }
    }
  });
});

// ------------------------------------------------------------------------------------------------------------------

const SYSTEM_FACTS = {
  systemName: 'CV screener',
  owner: 'olga',
  roles: ['deployer'],
  thirdParty: true,
  useCases: ['recruitment'],
  riskClass: 'high',
  impactLevel: null,
  publicServiceDeployer: false,
};

function approverRoles(facts: Vars): string[] {
  if (facts.step === 'deployment') return facts.riskClass === 'high' ? ['compliance-officer', 'risk-officer', 'top-management'] : ['compliance-officer'];
  if (facts.step === 'impact-assessment') return facts.impactLevel === 'high' ? ['compliance-officer', 'risk-officer', 'dpo'] : ['compliance-officer'];
  if (facts.step === 'corrective-action') return ['compliance-officer', 'risk-officer'];
  return ['compliance-officer'];
}

const approvals = (facts: Vars): Vars => ({
  approverRoles: approverRoles(facts),
  minApprovers: approverRoles(facts).length,
  fourEyes: true,
  blocked: false,
  basis: [],
});

function ratingOf(facts: Vars): Vars {
  const score = Number(facts.likelihood) * Number(facts.severity);
  const rating = score >= 20 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
  return {
    rating,
    treatmentRequired: rating !== 'low',
    treatmentThreshold: 'medium',
    requiresTopManagementAcceptance: rating === 'high' || rating === 'critical',
    acceptanceRole: rating === 'high' || rating === 'critical' ? 'top-management' : 'risk-officer',
  };
}

describe('ai-system-onboarding', () => {
  const risks = [
    { title: 'Bias against older applicants', description: 'Training data skewed', likelihood: 4, severity: 4 },
    { title: 'Typo in UI', description: 'Cosmetic', likelihood: 1, severity: 1 },
    { title: 'Model drift', description: 'Labour market changes', likelihood: 3, severity: 3 },
  ];

  function onboardingWorld(classify: Vars = { riskClass: 'high', basis: ['Art. 6(2)', 'Annex III(4)'], transparencyObligations: [] }): World {
    return world(
      {
        'eu-ai-act-risk-class': () => classify,
        'required-controls': () => ({ controls: [{ id: 'A.5.2', sources: [] }] }),
        'required-approvals': approvals,
        'review-interval': (facts) => ({ interval: facts.impactLevel === 'high' ? 'P6M' : 'P12M' }),
      },
      {
        'ai-system.load-facts': () => SYSTEM_FACTS,
        'nonconformity.raise': () => ({ nonconformityId: 'nc-1' }),
        'risk.rate-all': (input) => {
          const rated = (input.risks as Vars[]).map((r) => ({ ...r, ...ratingOf(r) }));
          return { risks: rated, risksToTreat: rated.filter((r) => r.treatmentRequired) };
        },
      },
    );
  }

  async function untilApprovals(w: World): Promise<Driver> {
    const d = await Driver.start(await lifecycle('ai-system-onboarding'), { systemId: 'sys-1' }, w.hooks, { initiator: 'ina' });
    await d.complete('Task_confirmScope', { inScope: true, roles: ['deployer', 'provider'] }, 'olga');
    await completeChild(d, 'Call_impactAssessment', { assessmentId: 'ia-1', assessmentStatus: 'approved', impactLevel: 'high' });
    await d.complete('Task_riskAssessment', { risks }, 'rick');
    await completeChild(d, 'Call_riskTreatment', { riskId: 'risk-1', treatment: 'mitigate', riskStatus: 'closed' }, 0);
    await completeChild(d, 'Call_riskTreatment', { riskId: 'risk-3', treatment: 'accept', riskStatus: 'accepted' }, 1);
    w.calls();
    w.rules();
    return d;
  }

  it('happy path: scope, classification, controls, impact assessment, risks, treatments, approvals, operation, periodic review, retirement', async () => {
    const w = onboardingWorld();
    const def = await lifecycle('ai-system-onboarding');
    expect(def.uniquePerSubject).toBe(true);
    const d = await Driver.start(def, { systemId: 'sys-1' }, w.hooks, { initiator: 'ina' });
    expect(w.calls()).toEqual([['ai-system.load-facts', { systemId: 'sys-1' }]]);
    expect(task(d, 'Task_confirmScope')).toEqual({
      name: 'Confirm scope and role',
      roles: ['ai-owner'],
      separateFrom: [],
      form: ['inScope', 'roles', 'notes'],
    });
    const scope = d.wait('Task_confirmScope');
    expect(scope.kind === 'userTask' && scope.form[1]).toMatchObject({
      type: 'array',
      values: ['developer', 'provider', 'deployer', 'importer', 'distributor'],
    });

    await d.complete('Task_confirmScope', { inScope: true, roles: ['deployer', 'provider'], notes: 'HR use' }, 'olga');
    expect(w.rules()).toEqual([
      ['eu-ai-act-risk-class', expect.objectContaining({ systemId: 'sys-1', useCases: ['recruitment'], roles: ['deployer', 'provider'] })],
      ['required-controls', expect.objectContaining({ riskClass: 'high', roles: ['deployer', 'provider'], thirdParty: true })],
    ]);
    expect(w.calls()).toEqual([
      ['ai-system.confirm-roles', expect.objectContaining({ systemId: 'sys-1', roles: ['deployer', 'provider'] })],
      ['ai-system.set-status', expect.objectContaining({ systemId: 'sys-1', status: 'in-assessment' })],
    ]);
    expect(d.waits).toEqual([
      {
        kind: 'child',
        key: 'Call_impactAssessment:1',
        elementId: 'Call_impactAssessment',
        processKey: 'impact-assessment',
        variables: { systemId: 'sys-1', trigger: 'onboarding', reasons: ['onboarding'] },
      },
    ]);
    expect(d.last.variables).toMatchObject({
      riskClass: 'high',
      classification: { riskClass: 'high' },
      requiredControls: { controls: [{ id: 'A.5.2', sources: [] }] },
    });

    await completeChild(d, 'Call_impactAssessment', { assessmentId: 'ia-1', assessmentStatus: 'approved', impactLevel: 'high', individuals: { severity: 4 } });
    expect(d.last.variables).toMatchObject({ assessmentId: 'ia-1', assessmentStatus: 'approved', impactLevel: 'high' });
    expect(d.last.variables.individuals).toBeUndefined();
    expect(task(d, 'Task_riskAssessment')).toEqual({ name: 'Risk assessment', roles: ['risk-officer'], separateFrom: [], form: ['risks'] });

    await d.complete('Task_riskAssessment', { risks }, 'rick');
    expect(w.calls()).toEqual([['risk.rate-all', expect.objectContaining({ systemId: 'sys-1', risks })]]);
    const treatments = d.waits;
    expect(treatments.map((x) => (x.kind === 'child' ? [x.key, x.processKey, x.variables] : []))).toEqual([
      [
        'Call_riskTreatment:1/0',
        'risk-treatment',
        { systemId: 'sys-1', risk: expect.objectContaining({ title: 'Bias against older applicants', rating: 'high' }) },
      ],
      ['Call_riskTreatment:1/1', 'risk-treatment', { systemId: 'sys-1', risk: expect.objectContaining({ title: 'Model drift', rating: 'medium' }) }],
    ]);

    await completeChild(d, 'Call_riskTreatment', { riskId: 'risk-3', treatment: 'accept', riskStatus: 'accepted', scratch: 1 }, 1);
    expect(keys(d)).toEqual(['Call_riskTreatment:1/0']);
    await completeChild(d, 'Call_riskTreatment', { riskId: 'risk-1', treatment: 'mitigate', riskStatus: 'closed' }, 0);
    expect(d.last.variables.riskTreatments).toEqual([
      { riskId: 'risk-1', treatment: 'mitigate', riskStatus: 'closed' },
      { riskId: 'risk-3', treatment: 'accept', riskStatus: 'accepted' },
    ]);
    expect(w.rules()).toEqual([['required-approvals', expect.objectContaining({ step: 'deployment', riskClass: 'high', impactLevel: 'high' })]]);
    const approvalsOpen = userWaits(d, 'Task_deploymentApproval');
    expect(approvalsOpen.map((x) => [x.key, x.name, x.candidateRoles, x.separateFrom, x.form.map((f) => f.name)])).toEqual([
      [
        'Task_deploymentApproval:1/0',
        'Deployment approval',
        ['compliance-officer'],
        ['Task_deploymentApproval', 'Task_addressFindings', 'initiator'],
        ['decision', 'comments'],
      ],
      [
        'Task_deploymentApproval:1/1',
        'Deployment approval',
        ['risk-officer'],
        ['Task_deploymentApproval', 'Task_addressFindings', 'initiator'],
        ['decision', 'comments'],
      ],
      [
        'Task_deploymentApproval:1/2',
        'Deployment approval',
        ['top-management'],
        ['Task_deploymentApproval', 'Task_addressFindings', 'initiator'],
        ['decision', 'comments'],
      ],
    ]);
    await d.send({ type: 'task.complete', waitKey: 'Task_deploymentApproval:1/0', variables: { decision: 'approve' }, completedBy: 'cora' });
    expect(userWaits(d, 'Task_deploymentApproval')[0].item?.completedBy).toEqual(['cora']);
    await decideAll(d, 'Task_deploymentApproval', {});
    expect(d.last.variables.deploymentDecisions).toEqual([
      { role: 'compliance-officer', decision: 'approve', comments: null },
      { role: 'risk-officer', decision: 'approve', comments: 'risk-officer says approve' },
      { role: 'top-management', decision: 'approve', comments: 'top-management says approve' },
    ]);
    expect(w.calls()).toEqual([['ai-system.set-status', expect.objectContaining({ status: 'approved' })]]);
    expect(w.rules()).toEqual([['review-interval', expect.objectContaining({ riskClass: 'high', impactLevel: 'high' })]]);

    // In operation: the periodic review timer and the retirement message at the same time.
    expect(d.last.activeElementIds).toEqual(['Gateway_inOperation']);
    expect(d.waits).toEqual([
      { kind: 'timer', key: 'Timer_periodicReview:1', elementId: 'Timer_periodicReview', dueAt: addMonths(T0, 6), eventGateway: 'Gateway_inOperation' },
      {
        kind: 'message',
        key: 'Message_retire:1',
        elementId: 'Message_retire',
        name: 'ai-system.retire',
        correlationKey: 'sys-1',
        eventGateway: 'Gateway_inOperation',
      },
    ]);

    w.hooks.clock.now = new Date(addMonths(T0, 6));
    await d.fire('Timer_periodicReview');
    expect(d.waits).toEqual([
      {
        kind: 'child',
        key: 'Call_periodicReview:1',
        elementId: 'Call_periodicReview',
        processKey: 'impact-assessment',
        variables: { systemId: 'sys-1', trigger: 'periodic-review', reasons: ['periodic review every P6M'] },
      },
    ]);
    await completeChild(d, 'Call_periodicReview', { assessmentId: 'ia-2', assessmentStatus: 'approved', impactLevel: 'medium' });
    expect(w.calls()).toEqual([['ai-system.set-status', expect.objectContaining({ status: 'approved' })]]);
    expect(w.rules()).toEqual([['review-interval', expect.objectContaining({ impactLevel: 'medium' })]]);
    expect(d.waits.map((x) => [x.key, x.kind === 'timer' ? x.dueAt : x.kind])).toEqual([
      ['Timer_periodicReview:2', addMonths(addMonths(T0, 6), 12)],
      ['Message_retire:2', 'message'],
    ]);

    await d.send({ type: 'message', name: 'ai-system.retire', correlationKey: 'sys-1', variables: { retirementReason: 'replaced' } });
    expect(keys(d)).toEqual(['Task_decommission:1']);
    expect(task(d, 'Task_decommission')).toEqual({ name: 'Decommission', roles: ['ai-owner'], separateFrom: [], form: ['decommissionPlan', 'dataRetention'] });
    await d.complete('Task_decommission', { decommissionPlan: 'switch off, archive', dataRetention: '10 years' }, 'olga');
    expect(w.calls()).toEqual([['ai-system.set-status', expect.objectContaining({ systemId: 'sys-1', status: 'retired' })]]);
    expect(d.last.status).toBe('completed');
    expect(d.last.completedBy).toMatchObject({ Task_confirmScope: ['olga'], Task_riskAssessment: ['rick'], Task_decommission: ['olga'] });
  });

  it('out of scope: status out-of-scope, nothing classified', async () => {
    const w = onboardingWorld();
    const d = await Driver.start(await lifecycle('ai-system-onboarding'), { systemId: 'sys-1' }, w.hooks);
    w.calls();
    await d.complete('Task_confirmScope', { inScope: false, notes: 'spreadsheet macro, not AI' }, 'olga');
    // No roles confirmed: the registered ones (loaded with the facts) are recorded again, which changes nothing.
    expect(w.calls()).toEqual([
      ['ai-system.confirm-roles', expect.objectContaining({ systemId: 'sys-1', roles: ['deployer'] })],
      ['ai-system.set-status', expect.objectContaining({ systemId: 'sys-1', status: 'out-of-scope' })],
    ]);
    expect(w.rules()).toEqual([]);
    expect(d.last).toMatchObject({ status: 'completed', waits: [] });
    expect(d.last.steps.map((step) => step.entered)).toEqual([['Task_recordRoles'], ['Gateway_inScope', 'Task_setOutOfScope'], expect.anything()]);
  });

  it('prohibited: status prohibited, a major nonconformity raised, onboarding ends', async () => {
    const w = onboardingWorld({ riskClass: 'prohibited', basis: ['Art. 5(1)(c)'], transparencyObligations: [] });
    const d = await Driver.start(await lifecycle('ai-system-onboarding'), { systemId: 'sys-1' }, w.hooks);
    w.calls();
    await d.complete('Task_confirmScope', { inScope: true }, 'olga');
    expect(w.calls()).toEqual([
      ['ai-system.confirm-roles', expect.objectContaining({ systemId: 'sys-1' })],
      ['ai-system.set-status', expect.objectContaining({ systemId: 'sys-1', status: 'prohibited' })],
      [
        'nonconformity.raise',
        expect.objectContaining({
          title: 'Prohibited AI practice: CV screener',
          description: expect.stringContaining('(Art. 5(1)(c))'),
          source: 'monitoring',
          severity: 'major',
          systemId: 'sys-1',
          clauseRefs: ['6.1.2', '8.2'],
        }),
      ],
    ]);
    expect(w.rules().map(([key]) => key)).toEqual(['eu-ai-act-risk-class']);
    expect(d.last).toMatchObject({ status: 'completed', waits: [], variables: expect.objectContaining({ nonconformityId: 'nc-1' }) });
  });

  it('a rejected impact assessment starts a new one, saying why', async () => {
    const w = onboardingWorld();
    const d = await Driver.start(await lifecycle('ai-system-onboarding'), { systemId: 'sys-1' }, w.hooks);
    await d.complete('Task_confirmScope', { inScope: true }, 'olga');
    await completeChild(d, 'Call_impactAssessment', { assessmentId: 'ia-1', assessmentStatus: 'rejected', impactLevel: 'high' });
    expect(d.waits).toEqual([
      expect.objectContaining({
        key: 'Call_impactAssessment:2',
        variables: { systemId: 'sys-1', trigger: 'onboarding', reasons: ['onboarding', 'previous assessment ia-1 was rejected'] },
      }),
    ]);
    await completeChild(d, 'Call_impactAssessment', { assessmentId: 'ia-2', assessmentStatus: 'approved', impactLevel: 'medium' });
    expect(keys(d)).toEqual(['Task_riskAssessment:1']);
  });

  it('with no risk above the threshold the treatment step completes at once', async () => {
    const w = onboardingWorld();
    const d = await Driver.start(await lifecycle('ai-system-onboarding'), { systemId: 'sys-1' }, w.hooks);
    await d.complete('Task_confirmScope', { inScope: true }, 'olga');
    await completeChild(d, 'Call_impactAssessment', { assessmentId: 'ia-1', assessmentStatus: 'approved', impactLevel: 'low' });
    await d.complete('Task_riskAssessment', { risks: [risks[1]] }, 'rick');
    expect(d.last.variables.riskTreatments).toEqual([]);
    expect(userWaits(d, 'Task_deploymentApproval')).toHaveLength(3);
  });

  it('a rejected deployment goes to "Address findings", then every approval is asked again', async () => {
    const w = onboardingWorld();
    const d = await untilApprovals(w);
    await decideAll(d, 'Task_deploymentApproval', { 'risk-officer': 'reject' });
    expect(keys(d)).toEqual(['Task_addressFindings:1']);
    expect(task(d, 'Task_addressFindings')).toEqual({ name: 'Address findings', roles: ['ai-owner'], separateFrom: [], form: ['findingsResponse'] });
    expect(w.calls()).toEqual([]);
    await d.complete('Task_addressFindings', { findingsResponse: 'retrained with balanced data' }, 'olga');
    expect(w.rules()).toEqual([['required-approvals', expect.objectContaining({ step: 'deployment' })]]);
    expect(keys(d)).toEqual(['Task_deploymentApproval:2/0', 'Task_deploymentApproval:2/1', 'Task_deploymentApproval:2/2']);
    // The approvals of the first round do not count for the second.
    expect(userWaits(d, 'Task_deploymentApproval')[0].item?.completedBy).toEqual([]);
    expect(d.last.completedBy.Task_addressFindings).toEqual(['olga']);
    await decideAll(d, 'Task_deploymentApproval', {});
    expect(w.calls()).toEqual([['ai-system.set-status', expect.objectContaining({ status: 'approved' })]]);
    expect(d.last.activeElementIds).toEqual(['Gateway_inOperation']);
  });

  it('a rejected periodic review marks the system reassessment-required and assesses again until approved', async () => {
    const w = onboardingWorld();
    const d = await untilApprovals(w);
    await decideAll(d, 'Task_deploymentApproval', {});
    w.calls();
    await d.fire('Timer_periodicReview');
    await completeChild(d, 'Call_periodicReview', { assessmentId: 'ia-2', assessmentStatus: 'rejected', impactLevel: 'high' });
    expect(w.calls()).toEqual([['ai-system.set-status', expect.objectContaining({ status: 'reassessment-required' })]]);
    expect(keys(d)).toEqual(['Call_periodicReview:2']);
    await completeChild(d, 'Call_periodicReview', { assessmentId: 'ia-3', assessmentStatus: 'approved', impactLevel: 'high' });
    expect(w.calls()).toEqual([['ai-system.set-status', expect.objectContaining({ status: 'approved' })]]);
    expect(keys(d)).toEqual(['Timer_periodicReview:2', 'Message_retire:2']);
  });

  it('retirement wins over the timer: the timer wait disappears', async () => {
    const w = onboardingWorld();
    const d = await untilApprovals(w);
    await decideAll(d, 'Task_deploymentApproval', {});
    const timer = d.wait('Timer_periodicReview').key;
    await expect(d.send({ type: 'message', name: 'ai-system.retire', correlationKey: 'sys-2' })).rejects.toMatchObject({ code: 'WAIT_NOT_FOUND' });
    await d.send({ type: 'message', name: 'ai-system.retire', correlationKey: 'sys-1' });
    expect(keys(d)).toEqual(['Task_decommission:1']);
    await expect(d.send({ type: 'timer.fire', waitKey: timer })).rejects.toMatchObject({ code: 'WAIT_NOT_FOUND' });
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('impact-assessment', () => {
  const dims = {
    individuals: { description: 'Applicants rejected unfairly', affectedParties: ['job-applicants'], severity: 4, likelihood: 3, mitigations: 'human review' },
    groups: { description: 'Older applicants', affectedParties: ['job-applicants'], severity: 3, likelihood: 2, mitigations: 'bias tests' },
    society: { description: 'Labour market', affectedParties: ['public'], severity: 2, likelihood: 1, mitigations: '' },
    organisation: { description: 'Reputation', affectedParties: ['employees'], severity: 3, likelihood: 2, mitigations: 'communication' },
  };

  function iaWorld(facts: Vars = { ...SYSTEM_FACTS, useCases: ['credit-scoring'] }, level = 'high'): World {
    return world(
      { 'impact-level': () => ({ impactLevel: level, drivers: ['individuals'] }), 'required-approvals': approvals },
      { 'ai-system.load-facts': () => facts, 'impact-assessment.open': () => ({ assessmentId: 'ia-1', assessmentVersion: 2, scratch: true }) },
    );
  }

  const start = async (w: World): Promise<Driver> =>
    Driver.start(await lifecycle('impact-assessment'), { systemId: 'sys-1', trigger: 'onboarding', reasons: ['onboarding'] }, w.hooks, { initiator: 'ina' });

  it('happy path with FRIA: draft, FRIA by the DPO, impact level, review, approvals, approved', async () => {
    const w = iaWorld();
    const d = await start(w);
    expect(w.calls()).toEqual([
      ['ai-system.load-facts', expect.objectContaining({ systemId: 'sys-1' })],
      ['impact-assessment.open', expect.objectContaining({ systemId: 'sys-1', trigger: 'onboarding', reasons: ['onboarding'] })],
    ]);
    expect(d.last.variables).toMatchObject({ assessmentId: 'ia-1', assessmentVersion: 2, assessmentStatus: 'draft' });
    expect(d.last.variables.scratch).toBeUndefined();
    expect(task(d, 'Task_draft')).toEqual({
      name: 'Draft impact assessment',
      roles: ['ai-owner'],
      separateFrom: [],
      form: ['individuals', 'groups', 'society', 'organisation', 'summary'],
    });
    const draft = d.wait('Task_draft');
    expect(draft.kind === 'userTask' && draft.form.slice(0, 4).map((f) => [f.type, f.required])).toEqual(Array(4).fill(['object', true]));

    await d.complete('Task_draft', dims, 'olga');
    expect(task(d, 'Task_fria')).toEqual({ name: 'Fundamental rights impact assessment', roles: ['dpo'], separateFrom: [], form: ['fria'] });
    await d.complete('Task_fria', { fria: { risksOfHarm: 'discrimination' } }, 'dora');
    expect(w.rules()).toEqual([['impact-level', expect.objectContaining(dims)]]);
    expect(w.calls()).toEqual([
      [
        'impact-assessment.update',
        expect.objectContaining({ assessmentId: 'ia-1', status: 'in-review', fria: { risksOfHarm: 'discrimination' }, impactLevel: 'high' }),
      ],
    ]);
    expect(d.last.variables).toMatchObject({ impactLevel: 'high', assessmentStatus: 'in-review' });
    expect(task(d, 'Task_review')).toEqual({
      name: 'Review impact assessment',
      roles: ['compliance-officer'],
      separateFrom: ['Task_draft', 'Task_fria'],
      form: ['decision', 'reviewComments'],
    });

    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    expect(w.rules()).toEqual([['required-approvals', expect.objectContaining({ step: 'impact-assessment', riskClass: 'high', impactLevel: 'high' })]]);
    expect(userWaits(d, 'Task_approve').map((x) => [x.name, x.candidateRoles, x.separateFrom])).toEqual([
      ['Approve impact assessment', ['compliance-officer'], ['Task_approve', 'Task_draft', 'Task_fria', 'initiator']],
      ['Approve impact assessment', ['risk-officer'], ['Task_approve', 'Task_draft', 'Task_fria', 'initiator']],
      ['Approve impact assessment', ['dpo'], ['Task_approve', 'Task_draft', 'Task_fria', 'initiator']],
    ]);
    await decideAll(d, 'Task_approve', {});
    expect(w.calls()).toEqual([['impact-assessment.update', expect.objectContaining({ assessmentId: 'ia-1', status: 'approved' })]]);
    expect(d.last.status).toBe('completed');
    expect(d.last.variables).toMatchObject({ assessmentId: 'ia-1', assessmentStatus: 'approved', impactLevel: 'high' });
  });

  it('without EU AI Act Art. 27 there is no FRIA task; a public-service deployer gets one', async () => {
    const w = iaWorld(SYSTEM_FACTS, 'low');
    const d = await start(w);
    await d.complete('Task_draft', dims, 'olga');
    expect(keys(d)).toEqual(['Task_review:1']);
    expect(userWaits(d, 'Task_review')[0].separateFrom).toEqual(['Task_draft', 'Task_fria']);

    const publicBody = await start(iaWorld({ ...SYSTEM_FACTS, publicServiceDeployer: true }));
    await publicBody.complete('Task_draft', dims, 'olga');
    expect(keys(publicBody)).toEqual(['Task_fria:1']);
    const insurer = await start(iaWorld({ ...SYSTEM_FACTS, useCases: ['life-health-insurance-pricing'] }));
    await insurer.complete('Task_draft', dims, 'olga');
    expect(keys(insurer)).toEqual(['Task_fria:1']);
  });

  it('changes requested: back to draft (status draft), then review again', async () => {
    const w = iaWorld(SYSTEM_FACTS, 'low');
    const d = await start(w);
    await d.complete('Task_draft', dims, 'olga');
    w.calls();
    await d.complete('Task_review', { decision: 'request-changes', reviewComments: 'society dimension is empty' }, 'cora');
    expect(w.calls()).toEqual([['impact-assessment.update', expect.objectContaining({ status: 'draft', reviewComments: 'society dimension is empty' })]]);
    expect(d.last.variables.assessmentStatus).toBe('draft');
    expect(keys(d)).toEqual(['Task_draft:2']);
    await d.complete('Task_draft', dims, 'olga');
    expect(keys(d)).toEqual(['Task_review:2']);
    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    expect(userWaits(d, 'Task_approve').map((x) => x.candidateRoles)).toEqual([['compliance-officer']]);
    await decideAll(d, 'Task_approve', {}, { 'compliance-officer': 'carl' });
    expect(d.last.variables.assessmentStatus).toBe('approved');
  });

  it('one rejection rejects the assessment', async () => {
    const w = iaWorld();
    const d = await start(w);
    await d.complete('Task_draft', dims, 'olga');
    await d.complete('Task_fria', { fria: {} }, 'dora');
    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    w.calls();
    await decideAll(d, 'Task_approve', { dpo: 'reject' });
    expect(w.calls()).toEqual([['impact-assessment.update', expect.objectContaining({ status: 'rejected' })]]);
    expect(d.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ assessmentStatus: 'rejected', assessmentId: 'ia-1' }) });
    expect(d.last.variables.approvalDecisions).toContainEqual({ role: 'dpo', decision: 'reject', comments: 'dpo says reject' });
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('risk-treatment', () => {
  function riskWorld(): World {
    return world({ 'risk-rating': ratingOf }, { 'risk.register': () => ({ riskId: 'risk-1' }) });
  }
  const bias = { title: 'Bias', description: 'Skewed data', likelihood: 4, severity: 4 };
  const start = async (w: World, risk: Vars = bias): Promise<Driver> =>
    Driver.start(await lifecycle('risk-treatment'), { systemId: 'sys-1', risk }, w.hooks, { initiator: 'ina' });
  const statuses = (w: World): unknown[] => w.calls().map(([name, input]) => (name === 'risk.update' ? input.status : name));

  it('happy path: rate, register, mitigate with controls, implement, verify, residual rating, closed', async () => {
    const w = riskWorld();
    const d = await start(w);
    expect(w.rules()).toEqual([['risk-rating', expect.objectContaining({ likelihood: 4, severity: 4 })]]);
    expect(w.calls()).toEqual([
      [
        'risk.register',
        expect.objectContaining({ systemId: 'sys-1', risk: bias, rating: expect.objectContaining({ rating: 'high', requiresTopManagementAcceptance: true }) }),
      ],
    ]);
    expect(task(d, 'Task_decide')).toEqual({
      name: 'Decide treatment',
      roles: ['risk-officer'],
      separateFrom: [],
      form: ['treatment', 'controls', 'plan', 'rationale'],
    });
    const decide = d.wait('Task_decide');
    expect(decide.kind === 'userTask' && decide.form.map((f) => f.values)).toEqual([
      ['accept', 'mitigate', 'transfer', 'avoid'],
      CONTROL_IDS,
      undefined,
      undefined,
    ]);

    await d.complete('Task_decide', { treatment: 'mitigate', controls: ['A.6.2.8', 'A.7.4'], plan: 'rebalance data', rationale: 'cheap' }, 'rick');
    expect(w.calls()).toEqual([
      ['risk.update', expect.objectContaining({ riskId: 'risk-1', status: 'treatment-decided', treatment: 'mitigate', controls: ['A.6.2.8', 'A.7.4'] })],
      ['risk.update', expect.objectContaining({ riskId: 'risk-1', status: 'in-implementation' })],
    ]);
    expect(task(d, 'Task_implement')).toEqual({
      name: 'Implement treatment',
      roles: ['ai-owner'],
      separateFrom: [],
      form: ['implementationNotes', 'evidence'],
    });
    await d.complete('Task_implement', { implementationNotes: 'done' }, 'ivan');
    expect(statuses(w)).toEqual(['verification']);
    expect(task(d, 'Task_verify')).toEqual({
      name: 'Verify implementation',
      roles: ['risk-officer', 'compliance-officer'],
      separateFrom: ['Task_implement'],
      form: ['effective', 'verificationNotes'],
    });
    await d.complete('Task_verify', { effective: true }, 'vera');
    expect(task(d, 'Task_rateResidual')).toEqual({
      name: 'Rate residual risk',
      roles: ['risk-officer'],
      separateFrom: [],
      form: ['residualLikelihood', 'residualSeverity'],
    });
    await d.complete('Task_rateResidual', { residualLikelihood: 2, residualSeverity: 2 }, 'rick');
    expect(w.rules()).toEqual([['risk-rating', expect.objectContaining({ likelihood: 2, severity: 2 })]]);
    expect(w.calls()).toEqual([
      [
        'risk.update',
        expect.objectContaining({
          riskId: 'risk-1',
          status: 'closed',
          residualLikelihood: 2,
          residualSeverity: 2,
          residual: expect.objectContaining({ rating: 'low' }),
        }),
      ],
    ]);
    expect(d.last).toMatchObject({
      status: 'completed',
      variables: expect.objectContaining({ riskId: 'risk-1', riskStatus: 'closed', treatment: 'mitigate' }),
    });
  });

  it('mitigation without controls is asked again', async () => {
    const w = riskWorld();
    const d = await start(w);
    w.calls();
    await d.complete('Task_decide', { treatment: 'mitigate', controls: [] }, 'rick');
    expect(keys(d)).toEqual(['Task_decide:2']);
    expect(w.calls()).toEqual([]);
    await d.complete('Task_decide', { treatment: 'mitigate' }, 'rick');
    expect(keys(d)).toEqual(['Task_decide:3']);
    await d.complete('Task_decide', { treatment: 'transfer', controls: null }, 'rick');
    expect(statuses(w)).toEqual(['treatment-decided', 'in-implementation']);
    expect(keys(d)).toEqual(['Task_implement:1']);
  });

  it('not effective: back to implementation (status in-implementation) until verified', async () => {
    const w = riskWorld();
    const d = await start(w);
    await d.complete('Task_decide', { treatment: 'avoid', plan: 'stop using the feature' }, 'rick');
    await d.complete('Task_implement', { implementationNotes: 'half done' }, 'ivan');
    w.calls();
    await d.complete('Task_verify', { effective: false }, 'vera');
    expect(statuses(w)).toEqual(['in-implementation']);
    expect(keys(d)).toEqual(['Task_implement:2']);
    await d.complete('Task_implement', { implementationNotes: 'done' }, 'ivan');
    expect(task(d, 'Task_verify').separateFrom).toEqual(['Task_implement']);
    expect(d.last.completedBy.Task_implement).toEqual(['ivan']); // implemented twice, recorded once for segregation of duties
    await d.complete('Task_verify', { effective: true }, 'vera');
    expect(keys(d)).toEqual(['Task_rateResidual:1']);
  });

  it('accepting a flagged risk needs top management (not the risk owner); a rejection goes back to the decision', async () => {
    const w = riskWorld();
    const d = await start(w);
    w.calls();
    await d.complete('Task_decide', { treatment: 'accept', rationale: 'low cost of failure' }, 'rick');
    expect(statuses(w)).toEqual(['treatment-decided', 'awaiting-acceptance']);
    expect(task(d, 'Task_accept')).toEqual({
      name: 'Accept residual risk',
      roles: ['top-management'],
      separateFrom: ['Task_decide'],
      form: ['decision', 'acceptanceComments'],
    });
    await d.complete('Task_accept', { decision: 'reject' }, 'tom');
    expect(keys(d)).toEqual(['Task_decide:2']);
    expect(statuses(w)).toEqual(['open']);
    await d.complete('Task_decide', { treatment: 'accept', rationale: 'insured' }, 'rick');
    await d.complete('Task_accept', { decision: 'accept' }, 'tom');
    expect(statuses(w)).toEqual(['treatment-decided', 'awaiting-acceptance', 'accepted']);
    expect(d.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ riskStatus: 'accepted' }) });
  });

  it('a risk the rules let the owner accept is accepted at once', async () => {
    const w = riskWorld();
    const d = await start(w, { title: 'Typo', likelihood: 2, severity: 3 });
    w.calls();
    await d.complete('Task_decide', { treatment: 'accept' }, 'rick');
    expect(statuses(w)).toEqual(['treatment-decided', 'accepted']);
    expect(d.last.status).toBe('completed');
  });

  it('a residual risk still rated high needs top-management acceptance before closing', async () => {
    const w = riskWorld();
    const d = await start(w);
    await d.complete('Task_decide', { treatment: 'mitigate', controls: ['A.6.2.8'] }, 'rick');
    await d.complete('Task_implement', { implementationNotes: 'done' }, 'ivan');
    await d.complete('Task_verify', { effective: true }, 'vera');
    w.calls();
    await d.complete('Task_rateResidual', { residualLikelihood: 4, residualSeverity: 3 }, 'rick');
    expect(statuses(w)).toEqual(['awaiting-acceptance']);
    expect(task(d, 'Task_accept').separateFrom).toEqual(['Task_decide']);
    await d.complete('Task_accept', { decision: 'accept' }, 'tom');
    expect(statuses(w)).toEqual(['closed']);
    expect(d.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ riskStatus: 'closed' }) });
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('nonconformity', () => {
  function ncWorld(): World {
    return world({
      'required-approvals': approvals,
      'effectiveness-review-delay': (facts) => ({
        delay: facts.recurrence === true || facts.severity === 'major' ? 'P30D' : facts.severity === 'minor' ? 'P60D' : 'P90D',
      }),
    });
  }
  const statuses = (w: World): unknown[] => w.calls().map(([name, input]) => (name === 'nonconformity.update' ? input.status : name));
  const start = async (w: World, severity = 'major'): Promise<Driver> =>
    Driver.start(await lifecycle('nonconformity'), { nonconformityId: 'nc-1', severity, auditId: 'aud-1', systemId: 'sys-1' }, w.hooks, { initiator: 'ina' });

  async function untilImplemented(d: Driver): Promise<void> {
    await d.complete('Task_contain', { containment: 'suspended' }, 'cora');
    await d.complete('Task_rootCause', { rootCause: 'stale data', causeCategory: 'data' }, 'cora');
    await d.complete('Task_plan', { plan: 'retrain monthly', targetDate: '2026-03-01' }, 'paul');
    await decideAll(d, 'Task_approve', {});
    await d.complete('Task_implement', { implementation: 'pipeline scheduled' }, 'ivan');
  }

  it('happy path: contain, root cause, plan, approvals, implement, wait the rules delay, effective, closed', async () => {
    const w = ncWorld();
    const d = await start(w);
    expect(task(d, 'Task_contain')).toEqual({
      name: 'Contain and correct',
      roles: ['compliance-officer'],
      separateFrom: [],
      form: ['containment', 'consequences'],
      dueAt: addDays(T0, 2),
    });
    await d.complete('Task_contain', { containment: 'suspended' }, 'cora');
    expect(statuses(w)).toEqual(['contained']);
    expect(task(d, 'Task_rootCause')).toMatchObject({
      name: 'Root cause analysis',
      roles: ['compliance-officer', 'ai-owner'],
      form: ['rootCause', 'causeCategory', 'similarElsewhere'],
    });
    await d.complete('Task_rootCause', { rootCause: 'stale data', causeCategory: 'data' }, 'cora');
    expect(statuses(w)).toEqual(['root-cause']);
    expect(task(d, 'Task_plan')).toMatchObject({ name: 'Corrective action plan', roles: ['ai-owner', 'compliance-officer'], form: ['plan', 'targetDate'] });
    await d.complete('Task_plan', { plan: 'retrain monthly', targetDate: '2026-03-01' }, 'paul');
    expect(statuses(w)).toEqual(['planned']);
    expect(w.rules()).toEqual([['required-approvals', expect.objectContaining({ step: 'corrective-action' })]]);
    expect(userWaits(d, 'Task_approve').map((x) => [x.name, x.candidateRoles, x.separateFrom])).toEqual([
      ['Approve corrective action', ['compliance-officer'], ['Task_approve', 'Task_plan']],
      ['Approve corrective action', ['risk-officer'], ['Task_approve', 'Task_plan']],
    ]);
    await decideAll(d, 'Task_approve', {});
    expect(statuses(w)).toEqual(['approved']);
    expect(task(d, 'Task_implement')).toMatchObject({ name: 'Implement corrective action', roles: ['ai-owner'] });
    await d.complete('Task_implement', { implementation: 'pipeline scheduled' }, 'ivan');
    expect(w.rules()).toEqual([['effectiveness-review-delay', expect.objectContaining({ severity: 'major', recurrence: false })]]);
    expect(statuses(w)).toEqual(['implemented', 'effectiveness-review']);
    expect(d.waits).toEqual([{ kind: 'timer', key: 'Timer_effectiveness:1', elementId: 'Timer_effectiveness', dueAt: addDays(T0, 30) }]);

    w.hooks.clock.now = new Date(addDays(T0, 30));
    await d.fire('Timer_effectiveness');
    expect(task(d, 'Task_effectiveness')).toEqual({
      name: 'Effectiveness review',
      roles: ['compliance-officer'],
      separateFrom: ['Task_implement'],
      form: ['effective', 'effectivenessEvidence'],
    });
    await d.complete('Task_effectiveness', { effective: true }, 'cora');
    expect(w.calls()).toEqual([['nonconformity.update', expect.objectContaining({ nonconformityId: 'nc-1', status: 'closed', auditId: 'aud-1' })]]);
    expect(d.last.status).toBe('completed');
  });

  it('a rejected plan goes back to its author, and the approvals are asked again', async () => {
    const w = ncWorld();
    const d = await start(w);
    await d.complete('Task_contain', { containment: 'suspended' }, 'cora');
    await d.complete('Task_rootCause', { rootCause: 'x', causeCategory: 'process' }, 'cora');
    await d.complete('Task_plan', { plan: 'v1', targetDate: '2026-03-01' }, 'paul');
    w.calls();
    await decideAll(d, 'Task_approve', { 'risk-officer': 'reject' });
    expect(keys(d)).toEqual(['Task_plan:2']);
    expect(statuses(w)).toEqual(['root-cause']);
    await d.complete('Task_plan', { plan: 'v2', targetDate: '2026-03-15' }, 'paul');
    expect(statuses(w)).toEqual(['planned']);
    expect(keys(d)).toEqual(['Task_approve:2/0', 'Task_approve:2/1']);
  });

  it('not effective: reopened, back to the root cause, and the next delay treats it as recurring', async () => {
    const w = ncWorld();
    const d = await start(w, 'minor');
    expect(task(d, 'Task_contain').dueAt).toBe(addDays(T0, 7));
    await untilImplemented(d);
    expect(d.wait('Timer_effectiveness')).toMatchObject({ dueAt: addDays(T0, 60) });
    await d.fire('Timer_effectiveness');
    w.calls();
    w.rules();
    await d.complete('Task_effectiveness', { effective: false }, 'cora');
    expect(statuses(w)).toEqual(['reopened']);
    expect(d.last.variables.recurrence).toBe(true);
    expect(keys(d)).toEqual(['Task_rootCause:2']);
    await d.complete('Task_rootCause', { rootCause: 'also label noise', causeCategory: 'data' }, 'cora');
    await d.complete('Task_plan', { plan: 'relabel', targetDate: '2026-05-01' }, 'paul');
    await decideAll(d, 'Task_approve', {});
    await d.complete('Task_implement', { implementation: 'relabelled' }, 'ivan');
    expect(w.rules()).toEqual([
      ['required-approvals', expect.objectContaining({ step: 'corrective-action' })],
      ['effectiveness-review-delay', expect.objectContaining({ severity: 'minor', recurrence: true })],
    ]);
    expect(d.wait('Timer_effectiveness')).toMatchObject({ key: 'Timer_effectiveness:2', dueAt: addDays(T0, 30) });
    await d.fire('Timer_effectiveness');
    await d.complete('Task_effectiveness', { effective: true }, 'cora');
    expect(d.last.status).toBe('completed');
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('internal-audit', () => {
  it('plan, fieldwork by someone other than the area owner, findings raise nonconformities, report, management review', async () => {
    const w = world({}, { 'audit.raise-findings': () => ({ nonconformityIds: ['nc-1', 'nc-2'] }) });
    const d = await Driver.start(await lifecycle('internal-audit'), { auditId: 'aud-1' }, w.hooks, { initiator: 'ina' });
    expect(w.calls()).toEqual([]);
    expect(task(d, 'Task_plan')).toEqual({
      name: 'Plan audit',
      roles: ['auditor'],
      separateFrom: [],
      form: ['scope', 'auditedArea', 'areaOwner', 'plannedDate'],
    });
    await d.complete('Task_plan', { scope: 'AI risk management', auditedArea: 'Model operations', areaOwner: 'ollie' }, 'alice');
    expect(w.calls()).toEqual([['audit.update', expect.objectContaining({ auditId: 'aud-1', stage: 'fieldwork', status: 'in-progress', areaOwner: 'ollie' })]]);
    expect(task(d, 'Task_fieldwork')).toEqual({
      name: 'Fieldwork',
      roles: ['auditor'],
      separateFrom: [],
      separateFromSubjects: ['ollie'],
      form: ['findings', 'fieldworkNotes'],
    });

    const findings = [
      { title: 'No drift monitoring', severity: 'major', clauseRefs: ['9.1'] },
      { title: 'Outdated AI policy', severity: 'minor', controlRefs: ['A.2.2'] },
    ];
    await d.complete('Task_fieldwork', { findings }, 'al');
    expect(w.calls()).toEqual([
      ['audit.raise-findings', expect.objectContaining({ auditId: 'aud-1', findings, source: 'internal-audit' })],
      ['audit.update', expect.objectContaining({ stage: 'reporting' })],
    ]);
    expect(d.last.variables.nonconformityIds).toEqual(['nc-1', 'nc-2']);
    expect(task(d, 'Task_report')).toEqual({
      name: 'Audit report',
      roles: ['auditor'],
      separateFrom: [],
      separateFromSubjects: ['ollie'],
      form: ['report', 'conclusion'],
    });
    await d.complete('Task_report', { report: 'two findings' }, 'al');
    expect(w.calls()).toEqual([
      ['audit.update', expect.objectContaining({ stage: 'management-review' })],
      ['management-review.compile-input', expect.objectContaining({ auditId: 'aud-1' })],
    ]);
    expect(task(d, 'Task_managementReview')).toEqual({
      name: 'Management review',
      roles: ['top-management'],
      separateFrom: [],
      form: ['managementDecisions', 'improvementActions'],
    });
    await d.complete('Task_managementReview', { managementDecisions: 'fund monitoring' }, 'tom');
    expect(w.calls()).toEqual([
      ['management-review.record-outcome', expect.objectContaining({ managementDecisions: 'fund monitoring' })],
      ['audit.update', expect.objectContaining({ auditId: 'aud-1', stage: 'completed', status: 'completed' })],
    ]);
    expect(d.last.status).toBe('completed');
  });

  it('refuses to create the fieldwork task without an area owner', async () => {
    const w = world({});
    const d = await Driver.start(await lifecycle('internal-audit'), { auditId: 'aud-1' }, w.hooks);
    await expect(d.complete('Task_plan', { scope: 's', auditedArea: 'a' }, 'alice')).rejects.toMatchObject({
      code: 'INVALID_CANDIDATE_ROLES',
      elementId: 'Task_fieldwork',
    });
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('certification-audit', () => {
  const CERTIFIED = '2026-06-01T10:00:00.000Z';
  function certWorld(openMajors: number[]): World {
    const counts = [...openMajors];
    return world(
      {},
      {
        'audit.update': (input) =>
          input.stage === 'certified' && input.status === 'certified'
            ? { surveillance1Due: '2027-06-01', surveillance2Due: '2028-06-01', recertificationDue: '2029-06-01' }
            : undefined,
        'audit.raise-findings': (input) => ({ nonconformityIds: (input.findings as unknown[]).map((_, i) => `nc-${i + 1}`) }),
        'audit.open-majors': () => ({ openMajors: counts.shift() ?? 0 }),
        'audit.start-next-cycle': () => ({ nextAuditId: 'aud-10' }),
      },
    );
  }
  const stages = (w: World): unknown[] =>
    w
      .calls()
      .map(([name, input]) =>
        name === 'audit.update' ? `${String(input.stage)}/${String(input.status)}` : name === 'audit.open-majors' ? 'open-majors' : name,
      );
  const findings = [{ title: 'Risk criteria undocumented', severity: 'major', clauseRefs: ['6.1.2'] }];

  async function certify(d: Driver, w: World): Promise<void> {
    await d.complete('Task_stage1', { findings }, 'eve');
    await d.complete('Task_stage2', { findings: [] }, 'ed');
    while (d.waits.some((x) => x.kind === 'message')) await d.send({ type: 'message', name: 'nonconformity.closed', correlationKey: 'aud-9' });
    w.hooks.clock.now = new Date(CERTIFIED);
    await d.complete('Task_decision', { decision: 'certify' }, 'cal');
  }

  it('Stage 1 and 2 raise findings; the decision waits for open majors to close; surveillance at 12 and 24 months; recertification at 36', async () => {
    const w = certWorld([1, 1, 0, 1, 0, 0]);
    const d = await Driver.start(await lifecycle('certification-audit'), { auditId: 'aud-9' }, w.hooks, { initiator: 'ina' });
    expect(stages(w)).toEqual(['stage-1/in-progress']);
    expect(task(d, 'Task_stage1')).toEqual({
      name: 'Stage 1 documentation review',
      roles: ['external-auditor'],
      separateFrom: [],
      form: ['findings', 'stage1Report'],
    });
    await d.complete('Task_stage1', { findings }, 'eve');
    expect(w.calls()).toEqual([
      ['audit.raise-findings', expect.objectContaining({ auditId: 'aud-9', findings, source: 'certification-audit' })],
      ['audit.update', expect.objectContaining({ stage: 'stage-2' })],
    ]);
    expect(task(d, 'Task_stage2')).toEqual({
      name: 'Stage 2 effectiveness audit',
      roles: ['external-auditor'],
      separateFrom: [],
      form: ['findings', 'stage2Report'],
    });
    await d.complete('Task_stage2', { findings: [{ title: 'Minor gap', severity: 'minor' }] }, 'ed');
    expect(stages(w)).toEqual(['audit.raise-findings', 'open-majors', 'stage-2/awaiting-nonconformities']);
    expect(d.waits).toEqual([
      { kind: 'message', key: 'Message_ncClosed:1', elementId: 'Message_ncClosed', name: 'nonconformity.closed', correlationKey: 'aud-9' },
    ]);

    await d.send({ type: 'message', name: 'nonconformity.closed', correlationKey: 'aud-9', variables: { closedNonconformityId: 'nc-1' } });
    expect(stages(w)).toEqual(['open-majors', 'stage-2/awaiting-nonconformities']);
    expect(keys(d)).toEqual(['Message_ncClosed:2']);
    await d.send({ type: 'message', name: 'nonconformity.closed', correlationKey: 'aud-9' });
    expect(stages(w)).toEqual(['open-majors', 'decision/in-progress']);
    expect(task(d, 'Task_decision')).toEqual({
      name: 'Certification decision',
      roles: ['external-auditor'],
      separateFrom: ['Task_stage1', 'Task_stage2'],
      form: ['decision', 'decisionComments'],
    });

    w.hooks.clock.now = new Date(CERTIFIED);
    await d.complete('Task_decision', { decision: 'certify' }, 'cal');
    expect(stages(w)).toEqual(['certified/certified']);
    expect(d.waits).toEqual([{ kind: 'timer', key: 'Timer_surveillance1:1', elementId: 'Timer_surveillance1', dueAt: '2027-06-01T00:00:00.000Z' }]);

    w.hooks.clock.now = new Date('2027-06-01T00:00:00.000Z');
    await d.fire('Timer_surveillance1');
    expect(stages(w)).toEqual(['surveillance-1/in-progress']);
    expect(task(d, 'Task_surveillance1')).toEqual({
      name: 'Surveillance audit 1',
      roles: ['external-auditor'],
      separateFrom: [],
      form: ['findings', 'surveillance1Report'],
    });
    await d.complete('Task_surveillance1', { findings }, 'eve');
    expect(stages(w)).toEqual(['audit.raise-findings', 'open-majors', 'surveillance-1/awaiting-nonconformities']);
    expect(keys(d)).toEqual(['Message_ncClosed1:1']);
    await d.send({ type: 'message', name: 'nonconformity.closed', correlationKey: 'aud-9' });
    expect(stages(w)).toEqual(['open-majors', 'surveillance-1/completed']);
    expect(d.waits).toEqual([{ kind: 'timer', key: 'Timer_surveillance2:1', elementId: 'Timer_surveillance2', dueAt: '2028-06-01T00:00:00.000Z' }]);

    await d.fire('Timer_surveillance2');
    expect(stages(w)).toEqual(['surveillance-2/in-progress']);
    await d.complete('Task_surveillance2', { findings: [] }, 'ed');
    expect(stages(w)).toEqual(['audit.raise-findings', 'open-majors', 'surveillance-2/completed']);
    expect(d.waits).toEqual([{ kind: 'timer', key: 'Timer_recertification:1', elementId: 'Timer_recertification', dueAt: '2029-06-01T00:00:00.000Z' }]);

    await d.fire('Timer_recertification');
    expect(w.calls()).toEqual([['audit.start-next-cycle', expect.objectContaining({ auditId: 'aud-9' })]]);
    expect(d.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ nextAuditId: 'aud-10' }) });
  });

  it('with no open majors the decision comes at once; a refusal ends the cycle', async () => {
    const w = certWorld([0]);
    const d = await Driver.start(await lifecycle('certification-audit'), { auditId: 'aud-9' }, w.hooks);
    await d.complete('Task_stage1', { findings: [] }, 'eve');
    await d.complete('Task_stage2', { findings: [] }, 'ed');
    expect(keys(d)).toEqual(['Task_decision:1']);
    w.calls();
    await d.complete('Task_decision', { decision: 'refuse' }, 'cal');
    expect(stages(w)).toEqual(['refused/refused']);
    expect(d.last.status).toBe('completed');
  });

  it('the surveillance timers follow the dates audit.update returned at certification', async () => {
    const w = certWorld([]);
    const d = await Driver.start(await lifecycle('certification-audit'), { auditId: 'aud-9' }, w.hooks);
    await certify(d, w);
    expect(d.last.variables).toMatchObject({ surveillance1Due: '2027-06-01', surveillance2Due: '2028-06-01', recertificationDue: '2029-06-01' });
    expect(d.wait('Timer_surveillance1')).toMatchObject({ dueAt: '2027-06-01T00:00:00.000Z' });
  });
});
