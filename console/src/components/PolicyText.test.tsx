import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PolicyText } from './PolicyText';

describe('PolicyText', () => {
  it('reads a policy as headings, paragraphs and lists, and never as HTML', () => {
    const { container } = render(
      <PolicyText
        markdown={
          '# AI policy\n\nWe use AI systems\nunder human oversight.\n\n## Duties\n\n- Every system has an owner\n- <b>Review</b> yearly\n\n1. First\n2. Second'
        }
      />,
    );
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('AI policy');
    expect(screen.getByRole('heading', { level: 4 }).textContent).toBe('Duties');
    expect(screen.getByText('We use AI systems under human oversight.').tagName).toBe('P');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Every system has an owner', '<b>Review</b> yearly', 'First', 'Second']);
    expect(container.querySelector('ol')?.children).toHaveLength(2);
    expect(container.querySelector('b')).toBeNull();
  });
});
