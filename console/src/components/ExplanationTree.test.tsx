import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { ExplanationTree } from './ExplanationTree';

const rules: Schemas['RuleExplanationDto'][] = [
  {
    name: 'annex-iii-4-employment',
    description: 'Recruitment is high-risk (Annex III(4)).',
    fired: true,
    priority: 1,
    conditions: {
      type: 'all',
      result: true,
      evaluated: true,
      conditions: [
        { type: 'fact', fact: 'useCases', operator: 'contains', expected: 'recruitment', actual: ['recruitment'], result: true, evaluated: true },
        {
          type: 'not',
          result: true,
          evaluated: true,
          reference: 'derogation-claimed',
          conditions: [{ type: 'fact', fact: 'art6_3Derogation', operator: 'notEqual', expected: 'none', actual: 'none', result: false, evaluated: true }],
        },
      ],
    },
  },
  {
    name: 'art-50-chatbot',
    description: 'Chatbots must disclose they are AI.',
    fired: false,
    priority: 1,
    conditions: {
      type: 'any',
      result: false,
      evaluated: true,
      conditions: [
        { type: 'fact', fact: 'useCases', operator: 'contains', expected: 'chatbot', actual: ['recruitment'], result: false, evaluated: true },
        { type: 'fact', fact: 'interactsWithNaturalPersons', operator: 'equal', expected: true, result: null, evaluated: false },
      ],
    },
  },
];

describe('ExplanationTree', () => {
  it('shows each rule, whether it fired, and its condition tree with what each condition saw', () => {
    render(<ExplanationTree rules={rules} />);
    const [fired, notFired] = screen.getAllByRole('group');
    expect(fired.hasAttribute('open')).toBe(true);
    expect(notFired.hasAttribute('open')).toBe(false);
    expect(within(fired).getByText(/annex-iii-4-employment/).textContent).toContain('Fired: annex-iii-4-employment');

    const items = within(fired)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.condition')?.textContent);
    expect(items).toEqual([
      'All of: true',
      'useCases contains “recruitment” — saw ["recruitment"]: true',
      'Not (derogation-claimed): true',
      'art6_3Derogation notEqual “none” — saw “none”: false',
    ]);
  });

  it('marks conditions json-rules-engine short-circuited past as not evaluated', () => {
    render(<ExplanationTree rules={rules} />);
    const notFired = screen.getAllByRole('group')[1];
    expect(
      within(notFired)
        .getByText(/interactsWithNaturalPersons/)
        .closest('.condition')?.textContent,
    ).toBe('interactsWithNaturalPersons equal true: not evaluated');
  });
});
