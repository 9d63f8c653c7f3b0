import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/client';
import { GeneratedForm } from './GeneratedForm';
import { fromFormField } from './fields';

const form = [
  fromFormField({ name: 'decision', type: 'enum', values: ['approve', 'reject'], required: true, label: 'Decision' }),
  fromFormField({ name: 'risks', type: 'array', required: false, label: 'Risks: {title, likelihood 1-5}' }),
  fromFormField({ name: 'comments', type: 'string', required: false, label: 'Comments' }),
];

describe('GeneratedForm', () => {
  it('sends typed values from accessible inputs, one fieldset per object of a list', async () => {
    const user = userEvent.setup();
    const submit = vi.fn().mockResolvedValue(undefined);
    render(<GeneratedForm specs={form} pointerBase="/variables" submitLabel="Complete" onSubmit={submit} />);
    await user.click(screen.getByRole('radio', { name: 'reject' }));
    await user.click(screen.getByRole('button', { name: 'Add risk' }));
    const risk = screen.getByRole('group', { name: 'Risk 1' });
    await user.type(risk.querySelector('input')!, 'Bias');
    await user.type(screen.getByRole('spinbutton', { name: 'Likelihood' }), '4');
    await user.type(screen.getByRole('textbox', { name: 'Comments' }), 'too risky');
    await user.click(screen.getByRole('button', { name: 'Complete' }));
    expect(submit).toHaveBeenCalledWith({ decision: 'reject', risks: [{ title: 'Bias', likelihood: 4 }], comments: 'too risky' });
  });

  it('shows required fields before sending, and nothing is sent', async () => {
    const user = userEvent.setup();
    const submit = vi.fn();
    render(<GeneratedForm specs={form} pointerBase="/variables" submitLabel="Complete" onSubmit={submit} />);
    await user.click(screen.getByRole('button', { name: 'Complete' }));
    expect(screen.getByRole('radiogroup', { name: /Decision/ })).toHaveProperty('ariaInvalid', 'true');
    expect(screen.getByText('is required')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it("puts the service's field errors on their fields and explains a segregation-of-duties refusal", async () => {
    const user = userEvent.setup();
    const submit = vi
      .fn()
      .mockRejectedValueOnce(
        new ProblemError({ status: 400, title: 'invalid task variables', errors: [{ pointer: '/variables/comments', message: 'must be shorter' }] }),
      )
      .mockRejectedValueOnce(
        new ProblemError({
          status: 403,
          code: 'segregation-of-duties',
          detail: 'olivia may not complete "Review" (separateFrom: Task_draft)',
          rule: 'separateFrom: Task_draft',
        }),
      );
    render(<GeneratedForm specs={form} pointerBase="/variables" submitLabel="Complete" onSubmit={submit} />);
    await user.click(screen.getByRole('radio', { name: 'approve' }));
    await user.click(screen.getByRole('button', { name: 'Complete' }));
    const comments = screen.getByRole('textbox', { name: 'Comments' });
    expect(comments.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(comments.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('must be shorter');

    await user.click(screen.getByRole('button', { name: 'Complete' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Refused by segregation of duties');
    expect(alert.textContent).toContain('Rule: separateFrom: Task_draft');
  });
});
