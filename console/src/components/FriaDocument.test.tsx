import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FriaDocument } from './FriaDocument';

describe('FriaDocument', () => {
  it('reads as a document: the six elements of Art. 27(1) in order, unanswered ones said so, further answers after them', () => {
    render(
      <FriaDocument
        fria={{
          humanOversight: 'An analyst reviews every refusal.\nTwo analysts for amounts above 50 000 EUR.',
          processes: 'Consumer loan decisions',
          affectedCategories: ['applicants', 'co-signers'],
          consultedBodies: { worksCouncil: true, ombudsman: 'informed' },
        }}
      />,
    );
    const document = screen.getByRole('article', { name: 'Fundamental rights impact assessment' });
    expect(
      within(document)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual([
      'Art. 27(1)(a) The deployer’s processes in which the system is used',
      'Art. 27(1)(b) Period and frequency of use',
      'Art. 27(1)(c) Categories of natural persons and groups likely to be affected',
      'Art. 27(1)(d) Specific risks of harm to those persons and groups',
      'Art. 27(1)(e) Human oversight measures',
      'Art. 27(1)(f) Measures if the risks materialise, internal governance and complaints',
      'Consulted bodies',
    ]);
    expect(screen.getByText('An analyst reviews every refusal.').tagName).toBe('P');
    expect(screen.getByText('Two analysts for amounts above 50 000 EUR.').tagName).toBe('P');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['applicants', 'co-signers']);
    expect(screen.getAllByText('Not answered.')).toHaveLength(3);
    expect(screen.getByText('Works council').nextSibling?.textContent).toBe('Yes');
    expect(document.textContent).not.toContain('{');
  });
});
