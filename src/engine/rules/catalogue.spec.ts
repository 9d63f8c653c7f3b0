import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { createAjv } from './json-schema.js';
import type { RuleSetDocument } from './types.js';

const repoPath = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(repoPath(path), 'utf8'));

/** ISO/IEC 42001:2023 Annex A: stable, so pinned here as well as checked against the reference. */
const ANNEX_A_IDS = [
  ...['A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3', 'A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6'],
  ...['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5', 'A.6.1.2', 'A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5'],
  ...['A.6.2.6', 'A.6.2.7', 'A.6.2.8', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6', 'A.8.2', 'A.8.3'],
  ...['A.8.4', 'A.8.5', 'A.9.2', 'A.9.3', 'A.9.4', 'A.10.2', 'A.10.3', 'A.10.4'],
];

/** The shared reference, copied into the repository (data/reference/README.md). */
const reference = (name: string) => json(`data/reference/${name}`);

interface Control {
  id: string;
  title: string;
  group: string;
  objective: string;
  euAiAct: { articles: string[]; theme: string } | null;
}

const catalogue = json('data/controls-catalogue.json') as { clauses: unknown[]; controls: Control[] };
const attributeSchema = json('data/ai-system-attribute-schema.json');

describe('data/controls-catalogue.json', () => {
  it('has exactly the 38 Annex A controls, each in its group', () => {
    expect(catalogue.controls.map((control) => control.id)).toEqual(ANNEX_A_IDS);
    for (const control of catalogue.controls) expect(control.id.startsWith(`${control.group}.`)).toBe(true);
  });

  it('contains every control id rules/required-controls.json uses', () => {
    const ruleSet = json('rules/required-controls.json') as RuleSetDocument;
    const used = ruleSet.rules.flatMap((rule) => rule.event.params?.controls as string[]);
    const known = new Set(catalogue.controls.map((control) => control.id));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('data/controls-catalogue.json against the reference', () => {
  const iso = reference('iso42001-2023.json');
  const aiAct = reference('eu-ai-act.json');

  it('has the Annex A controls of the reference, with their titles and objectives', () => {
    expect(catalogue.controls.map(({ id, title, objective }) => ({ id, title, objective }))).toEqual(iso.annexA);
  });

  it('has the clauses of the reference', () => {
    expect(catalogue.clauses).toEqual(iso.clauses);
  });

  it('carries the indicative EU AI Act mapping over to each control', () => {
    for (const entry of aiAct.indicativeIso42001Mapping as Array<{ iso: string[]; aiAct: string[]; theme: string }>) {
      for (const id of entry.iso) {
        expect([id, catalogue.controls.find((control) => control.id === id)?.euAiAct]).toEqual([id, { articles: entry.aiAct, theme: entry.theme }]);
      }
    }
    const mapped = new Set(aiAct.indicativeIso42001Mapping.flatMap((entry: { iso: string[] }) => entry.iso));
    expect(catalogue.controls.filter((control) => !mapped.has(control.id)).map((control) => [control.id, control.euAiAct])).toEqual([
      ['A.6.1.2', null],
      ['A.6.1.3', null],
    ]);
  });
});

describe('data/ai-system-attribute-schema.json', () => {
  // The app compiles it with Ajv's default export (draft-07); so must this test.
  const validate = new Ajv({ allErrors: true }).compile(attributeSchema);

  it('accepts a complete system and rejects unknown attributes and values', () => {
    const complete = {
      useCases: ['recruitment', 'chatbot'],
      profilesNaturalPersons: true,
      art6_3Derogation: 'none',
      safetyComponentOfRegulatedProduct: false,
      interactsWithNaturalPersons: true,
      generatesSyntheticContent: false,
      processesPersonalData: true,
      specialCategoryData: false,
      automatedDecisionMaking: true,
      humanOversight: 'human-in-the-loop',
      affectedPersons: ['job-applicants'],
      deploymentRegions: ['EU', 'DE', 'US-CA'],
      publicServiceDeployer: false,
    };
    expect(validate(complete)).toBe(true);
    expect(validate({ ...complete, colour: 'blue' })).toBe(false);
    expect(validate({ useCases: ['mind-reading'] })).toBe(false);
    expect(validate({ deploymentRegions: [''] })).toBe(false);
  });

  it('declares its attributes with descriptions and nothing else', () => {
    expect(attributeSchema.additionalProperties).toBe(false);
    for (const [name, property] of Object.entries(attributeSchema.properties as Record<string, { description?: string }>)) {
      expect([name, typeof property.description]).toEqual([name, 'string']);
    }
  });

  it('agrees with the facts schemas of the seeded rule sets on shared attributes', () => {
    const ajv = createAjv();
    for (const key of ['eu-ai-act-risk-class', 'required-controls']) {
      const properties = (json(`rules/${key}.json`) as RuleSetDocument).factsSchema.properties as Record<
        string,
        { enum?: unknown[]; items?: { enum?: unknown[] } }
      >;
      for (const [name, property] of Object.entries(properties)) {
        const attribute = attributeSchema.properties[name];
        if (!attribute) continue;
        expect([key, name, property.enum ?? property.items?.enum]).toEqual([key, name, attribute.enum ?? attribute.items?.enum]);
      }
      expect(ajv.validateSchema(json(`rules/${key}.json`).factsSchema)).toBe(true);
    }
  });
});

describe('data/ai-system-attribute-schema.json against the reference', () => {
  const attributes = reference('ai-system-attributes.json');

  it('declares every reference attribute, with the reference meaning as description', () => {
    expect(Object.keys(attributeSchema.properties)).toEqual(Object.keys(attributes.attributes));
    for (const [name, property] of Object.entries(attributeSchema.properties as Record<string, { description?: string }>)) {
      const meaning = attributes.attributes[name].meaning;
      if (meaning) expect(property.description).toBe(meaning);
    }
  });

  it('uses exactly the reference values', () => {
    const useCases = Object.values(attributes.attributes.useCases.items as Record<string, string[]>).flat();
    expect(attributeSchema.properties.useCases.items.enum).toEqual(useCases);
    expect(attributeSchema.properties.art6_3Derogation.enum).toEqual(attributes.attributes.art6_3Derogation.values);
    expect(attributeSchema.properties.humanOversight.enum).toEqual(attributes.attributes.humanOversight.values);
    expect(attributeSchema.properties.affectedPersons.items.enum).toEqual(attributes.attributes.affectedPersons.items);
  });
});
