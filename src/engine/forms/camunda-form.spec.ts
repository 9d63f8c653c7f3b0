import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProcess } from '../process/parse.js';
import { fixture } from '../process/spec-helpers.js';
import { definitionWarnings, validateDefinition } from '../process/validate.js';
import { type CamundaFormSchema, dataPointer, formFieldKeys, formSchemaIssues, validateFormData } from './camunda-form.js';

const FORM = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/forms/model-approval.form'), 'utf8'),
) as CamundaFormSchema;

const valid = {
  summary: 'Credit scoring model v2',
  riskScore: 3,
  decision: 'approve',
  ticket: 'CHG-42',
  controls: ['A.6.2.4'],
  humanOversight: true,
  nextReview: '2027-01-15',
  tags: ['genai'],
  impact: 'high',
  owner: { name: 'Rosa', email: 'rosa@example.com' },
  mitigations: [{ action: 'Bias test each release', cost: 1200 }],
};

describe('Camunda form schemas', () => {
  it('takes the form-js schema of the fixture, with its value paths', () => {
    expect(formSchemaIssues(FORM)).toEqual([]);
    expect(formFieldKeys(FORM)).toEqual([
      'summary',
      'riskScore',
      'decision',
      'rejectionReason',
      'ticket',
      'controls',
      'humanOversight',
      'nextReview',
      'tags',
      'impact',
      'owner.name',
      'owner.email',
      'mitigations',
    ]);
  });

  it('names the component at fault', () => {
    expect(formSchemaIssues({ components: 'x' })).toEqual([{ pointer: '/components', message: 'must be the list of the form’s components' }]);
    expect(
      formSchemaIssues({
        components: [
          { type: 'textfield', id: 'Field_1' },
          { type: 'number', key: 'n', validate: { min: 'low' } },
          { type: 'textfield', key: 'n' },
          { type: 'select', key: 's' },
          { type: 'filepicker', key: 'f' },
          { type: 'textfield', key: 'p', validate: { pattern: '(a)\\1' } },
          { type: 'textfield', key: 'q', conditional: { hide: '=a >' } },
          { type: 'dynamiclist', components: [] },
        ],
      }),
    ).toEqual([
      { pointer: '/components/0/key', message: 'component "Field_1" (textfield): needs a key, a variable name or a dotted path (e.g. address.city)' },
      { pointer: '/components/1/validate/min', message: 'component "n" (number): validate.min must be a number' },
      { pointer: '/components/2/key', message: 'component "n" (textfield): key "n" is also used by the component at /components/1' },
      { pointer: '/components/3', message: 'component "s" (select): needs values (or valuesKey / valuesExpression)' },
      { pointer: '/components/4/type', message: expect.stringMatching(/^component "f" \(filepicker\): type "filepicker" is not supported/) },
      {
        pointer: '/components/5/validate/pattern',
        message: expect.stringMatching(/^component "p" \(textfield\): validate.pattern is not RE2 syntax .*backreferences/),
      },
      {
        pointer: '/components/6/conditional/hide',
        message: expect.stringMatching(/^component "q" \(textfield\): conditional.hide unrecognized or incomplete FEEL/),
      },
      { pointer: '/components/7/path', message: 'component #8 (dynamiclist): a dynamic list needs a path (the variable holding its items)' },
    ]);
  });
});

describe('data submitted to a Camunda form', () => {
  it('accepts valid data, a hidden required field left out', () => {
    expect(validateFormData(FORM, valid)).toEqual([]);
  });

  it('reports each value at fault by its path', () => {
    const issues = validateFormData(FORM, {
      ...valid,
      summary: 'short',
      riskScore: 11,
      decision: 'maybe',
      ticket: 'chg 42',
      controls: ['A.6.2.4', 'B.1'],
      humanOversight: 'yes',
      nextReview: '15/01/2027',
      impact: 'none',
      owner: { email: 'rosa' },
      mitigations: [{ cost: -1 }, 'x'],
      extra: 1,
    });
    expect(issues.map((i) => [dataPointer('/variables', i.path), i.message])).toEqual([
      ['/variables/summary', 'must have at least 10 characters'],
      ['/variables/riskScore', 'must be at most 10'],
      ['/variables/decision', 'must be one of: "approve", "reject"'],
      ['/variables/ticket', 'must match the pattern [A-Z]+-[0-9]+'],
      ['/variables/controls/1', 'must be one of: "A.6.2.4", "A.7.2"'],
      ['/variables/humanOversight', 'must be true or false'],
      ['/variables/nextReview', 'must be a date like 2026-03-01'],
      ['/variables/impact', 'must be one of: "low", "high"'],
      ['/variables/owner/name', 'is required'],
      ['/variables/owner/email', 'must be an email address'],
      ['/variables/mitigations/0/action', 'is required'],
      ['/variables/mitigations/0/cost', 'must be at least 0'],
      ['/variables/mitigations/1', 'must be an object'],
      [
        '/variables/extra',
        "is not a field of this task's form (summary, riskScore, decision, rejectionReason, ticket, controls, humanOversight, nextReview, tags, impact, owner, mitigations)",
      ],
    ]);
  });

  it('checks a field its condition shows, and skips it when hidden', () => {
    expect(validateFormData(FORM, { ...valid, decision: 'reject' })).toEqual([{ path: ['rejectionReason'], message: 'is required' }]);
    expect(validateFormData(FORM, { ...valid, decision: 'reject', rejectionReason: 'Bias above threshold' })).toEqual([]);
    // Hidden fields are not checked, whatever they hold.
    expect(validateFormData(FORM, { ...valid, rejectionReason: 42 })).toEqual([]);
  });

  it('a required checkbox must be ticked; a hidden group hides what it contains', () => {
    const schema: CamundaFormSchema = {
      components: [
        { type: 'checkbox', key: 'accepted', validate: { required: true } },
        {
          type: 'group',
          path: 'details',
          conditional: { hide: '=accepted = false' },
          components: [{ type: 'textfield', key: 'note', validate: { required: true } }],
        },
      ],
    };
    expect(validateFormData(schema, { accepted: false })).toEqual([{ path: ['accepted'], message: 'must be ticked' }]);
    expect(validateFormData(schema, { accepted: true })).toEqual([{ path: ['details', 'note'], message: 'is required' }]);
  });

  it('conditions see the instance variables beside the data', () => {
    const schema: CamundaFormSchema = {
      components: [{ type: 'textfield', key: 'note', conditional: { hide: '=riskClass = "minimal"' }, validate: { required: true } }],
    };
    expect(validateFormData(schema, {}, { context: { riskClass: 'minimal' } })).toEqual([]);
    expect(validateFormData(schema, {}, { context: { riskClass: 'high' } })).toEqual([{ path: ['note'], message: 'is required' }]);
  });

  it('runs patterns in linear time (RE2): a catastrophic pattern for backtracking engines is harmless', () => {
    const schema: CamundaFormSchema = { components: [{ type: 'textfield', key: 't', validate: { pattern: '(a+)+$' } }] };
    expect(formSchemaIssues(schema)).toEqual([]);
    expect(validateFormData(schema, { t: `${'a'.repeat(50_000)}!` })).toEqual([{ path: ['t'], message: 'must match the pattern (a+)+$' }]);
  });
});

describe('Camunda forms on user tasks', () => {
  it('reads a linked form (formId) and an embedded one (formKey naming a zeebe:userTaskForm)', async () => {
    const parsed = await parseProcess(fixture('camunda-forms.bpmn'));
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    const tasks = Object.fromEntries(parsed.elements.map((e) => [e.id, e]));
    expect(tasks.approve).toMatchObject({ kind: 'userTask', form: [], camundaForm: { kind: 'linked', formId: 'model-approval' } });
    expect(tasks.acknowledge).toMatchObject({
      camundaForm: {
        kind: 'embedded',
        formKey: 'camunda-forms:bpmn:userTaskForm_ack',
        schema: { components: [{ type: 'checkbox', key: 'acknowledged' }] },
      },
    });
    expect(validateDefinition(parsed)).toEqual([]);
    // A linked form is resolved when the task opens (as Camunda does): one not stored yet is a warning at deploy.
    expect(definitionWarnings(parsed, { knownForms: new Set(['model-approval']) })).toEqual([]);
    expect(definitionWarnings(parsed, { knownForms: new Set() })).toEqual([
      {
        elementId: 'approve',
        message: 'linked form "model-approval" does not exist yet: store it (POST /forms) before an instance reaches this task, or the step raises an incident',
      },
    ]);
  });

  it('takes an empty embedded form (as Camunda Modeler writes it before the form is designed) for no form, with a warning; text that is not JSON is refused', async () => {
    const emptied = fixture('camunda-forms.bpmn').replace(/(<zeebe:userTaskForm id="userTaskForm_ack">)[\s\S]*?(<\/zeebe:userTaskForm>)/, '$1$2');
    const parsed = await parseProcess(emptied);
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([
      { elementId: 'acknowledge', message: 'embedded form "userTaskForm_ack" is empty: the task has no form until it is designed' },
    ]);
    expect(parsed.elements.find((e) => e.id === 'acknowledge')).not.toHaveProperty('camundaForm');
    const garbled = await parseProcess(
      fixture('camunda-forms.bpmn').replace(/(<zeebe:userTaskForm id="userTaskForm_ack">)[\s\S]*?(<\/zeebe:userTaskForm>)/, '$1{ "components": $2'),
    );
    expect(garbled.issues).toEqual([{ elementId: 'acknowledge', message: expect.stringMatching(/^embedded form "userTaskForm_ack" is not JSON: /) }]);
  });

  it('names the task whose form cannot be used', async () => {
    const xml = fixture('camunda-forms.bpmn')
      .replace('"required": true }', '"required": true, "minLength": "x" }')
      .replace('formId="model-approval"', 'formKey="camunda-forms:bpmn:nowhere"');
    const parsed = await parseProcess(xml);
    expect(parsed.issues).toEqual([
      {
        elementId: 'approve',
        message: 'formKey "camunda-forms:bpmn:nowhere" names no zeebe:userTaskForm with id "nowhere" in the process\'s extension elements',
      },
      {
        elementId: 'acknowledge',
        message: 'embedded form "userTaskForm_ack" /components/0/validate/minLength: component "acknowledged" (checkbox): validate.minLength must be a number',
      },
    ]);
  });
});
