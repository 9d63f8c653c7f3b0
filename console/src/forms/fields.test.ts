import { describe, expect, it } from 'vitest';
import { type FieldSpec, fromFormField, fromJsonSchema, humanise, parseShape, placeErrors, toPayload, validate } from './fields';

describe('form fields from BPMN form fields', () => {
  it('reads the members of a list of objects from the label', () => {
    const risks = fromFormField({ name: 'risks', type: 'array', required: true, label: 'Risks: {title, description, likelihood 1-5, severity 1-5}' });
    expect(risks).toMatchObject({ name: 'risks', label: 'Risks', kind: 'objects', required: true });
    expect(risks.fields).toEqual([
      { name: 'title', label: 'Title', required: false, kind: 'string' },
      { name: 'description', label: 'Description', required: false, kind: 'string' },
      { name: 'likelihood', label: 'Likelihood', required: false, kind: 'integer', min: 1, max: 5 },
      { name: 'severity', label: 'Severity', required: false, kind: 'integer', min: 1, max: 5 },
    ]);
  });

  it('reads allowed values and optional members', () => {
    const { label, fields } = parseShape('Findings: {title, severity major|minor|observation, clauseRefs?}');
    expect(label).toBe('Findings');
    expect(fields?.[1]).toMatchObject({ name: 'severity', kind: 'enum', values: ['major', 'minor', 'observation'] });
    expect(fields?.[2]).toMatchObject({ name: 'clauseRefs', label: 'Clause refs', kind: 'string' });
    expect(parseShape('Individuals (object: {description})').label).toBe('Individuals');
  });

  it('maps each field type to an input', () => {
    expect(fromFormField({ name: 'decision', type: 'enum', values: ['approve', 'reject'], required: true })).toMatchObject({ kind: 'enum', label: 'decision' });
    expect(fromFormField({ name: 'controls', type: 'array', values: ['A.2.2'], required: false })).toMatchObject({ kind: 'multi', values: ['A.2.2'] });
    expect(fromFormField({ name: 'notes', type: 'array', required: false })).toMatchObject({ kind: 'list' });
    expect(fromFormField({ name: 'extra', type: 'object', required: false })).toMatchObject({ kind: 'json' });
    expect(fromFormField({ name: 'at', type: 'date', required: false })).toMatchObject({ kind: 'date' });
    expect(fromFormField({ name: 'proof', type: 'evidence', required: true })).toMatchObject({ kind: 'list', required: true });
  });
});

describe('form fields from a JSON Schema', () => {
  it('maps properties, required ones and allowed values', () => {
    const specs = fromJsonSchema({
      type: 'object',
      required: ['useCases'],
      properties: {
        useCases: { type: 'array', items: { type: 'string', enum: ['recruitment', 'chatbot'] } },
        art6_3Derogation: { type: 'string', enum: ['none', 'narrow-procedural-task'] },
        processesPersonalData: { type: 'boolean', description: 'Personal data' },
        deploymentRegions: { type: 'array', items: { type: 'string' } },
        headcount: { type: 'integer', minimum: 0 },
      },
    });
    expect(specs.map((s) => [s.name, s.label, s.kind, s.required])).toEqual([
      ['useCases', 'Use cases', 'multi', true],
      ['art6_3Derogation', 'Art 6(3) derogation', 'enum', false],
      ['processesPersonalData', 'Processes personal data', 'boolean', false],
      ['deploymentRegions', 'Deployment regions', 'list', false],
      ['headcount', 'Headcount', 'integer', false],
    ]);
    expect(humanise('safetyComponentOfRegulatedProduct')).toBe('Safety component of regulated product');
  });
});

describe('values and errors', () => {
  const specs = [
    fromFormField({ name: 'risks', type: 'array', required: true, label: 'Risks: {title, likelihood 1-5}' }),
    fromFormField({ name: 'individuals', type: 'object', required: true, label: 'Individuals (object: {description, severity 1-5})' }),
    fromFormField({ name: 'notes', type: 'string', required: false }),
  ];

  it('checks required fields, whole numbers and ranges, down into objects and lists', () => {
    expect(validate(specs, {})).toEqual({ risks: 'is required', individuals: 'is required' });
    expect(validate(specs, { risks: [{ title: 'Bias', likelihood: '7' }], individuals: { severity: '2.5' } })).toEqual({
      'risks/0/likelihood': 'must be between 1 and 5',
      'individuals/severity': 'must be a whole number',
    });
  });

  it('sends numbers as numbers and leaves untouched optional fields out', () => {
    expect(toPayload(specs, { risks: [{ title: 'Bias', likelihood: '3' }], individuals: { description: 'x', severity: '' }, notes: '' })).toEqual({
      risks: [{ title: 'Bias', likelihood: 3 }],
      individuals: { description: 'x' },
    });
  });

  it('sends a date and time entered in local time as the instant, and refuses one that is not', () => {
    const at: FieldSpec[] = [{ name: 'awareAt', label: 'Aware at', required: true, kind: 'datetime' }];
    expect(toPayload(at, { awareAt: '2027-03-02T10:00' })).toEqual({ awareAt: new Date(2027, 2, 2, 10, 0).toISOString() });
    expect(validate(at, { awareAt: 'yesterday' })).toEqual({ awareAt: 'must be a date and time' });
  });

  it("places the service's errors on the deepest field its pointer names", () => {
    const placed = placeErrors(
      specs,
      [
        { pointer: '/variables/risks', message: 'must be an array' },
        { pointer: '/variables/risks/1/likelihood', message: 'must be an integer' },
        { pointer: '/variables/individuals/severity/extra', message: 'is odd' },
        { pointer: '/variables/unknown', message: 'is not a field of this task' },
        { pointer: '/outcome', message: 'differs' },
      ],
      '/variables',
    );
    expect(placed.byField).toEqual({ risks: 'must be an array', 'risks/1/likelihood': 'must be an integer', 'individuals/severity': 'is odd' });
    expect(placed.general).toEqual(['/variables/unknown: is not a field of this task', 'differs']);
  });
});
