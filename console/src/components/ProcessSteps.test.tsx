import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { when } from './format';
import { StepsTable } from './ProcessSteps';

const task = (over: Partial<Schemas['TaskDto']>): Schemas['TaskDto'] => ({
  id: 'id',
  name: 'Step',
  status: 'open',
  assignee: null,
  candidateRoles: [],
  completedBy: null,
  completedAt: null,
  cancelledAt: null,
  claimedAt: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  dueAt: null,
  outcome: null,
  links: {},
  camundaForm: null,
  item: null,
  definitionKey: 'nonconformity',
  definitionVersion: 1,
  documentation: null,
  elementId: 'Task',
  form: [],
  instanceId: 'instance',
  separateFrom: [],
  subjectId: 'nc',
  subjectType: 'nonconformity',
  variables: {},
  version: 1,
  waitKey: 'wait',
  ...over,
});

describe('StepsTable', () => {
  it('lists the steps oldest first: done by whom and when, open with who may take it and its due time', () => {
    render(
      <MemoryRouter>
        <StepsTable
          caption="Corrective action steps"
          tasks={[
            task({
              id: 'b',
              name: 'Root cause analysis',
              createdAt: '2027-01-02T00:00:00.000Z',
              candidateRoles: ['compliance-officer', 'ai-owner'],
              dueAt: '2027-01-09T00:00:00.000Z',
            }),
            task({
              id: 'a',
              name: 'Contain and correct',
              status: 'completed',
              completedBy: 'carla',
              completedAt: '2027-01-01T10:00:00.000Z',
              outcome: 'contained',
            }),
            task({
              id: 'c',
              name: 'Approve corrective action',
              createdAt: '2027-01-03T00:00:00.000Z',
              assignee: 'tess',
              item: { collectionKey: 'roles', index: 0, value: 'top-management' },
            }),
          ]}
        />
      </MemoryRouter>,
    );
    const rows = within(screen.getByRole('table', { name: 'Corrective action steps' }))
      .getAllByRole('row')
      .slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Contain and correct', 'completed contained', 'carla', when('2027-01-01T10:00:00.000Z')],
      ['Root cause analysis', 'open', 'any compliance-officer or ai-owner', `due ${when('2027-01-09T00:00:00.000Z')}`],
      ['Approve corrective action (top-management)', 'open', 'tess', '—'],
    ]);
    expect(screen.getByRole('link', { name: 'Contain and correct' }).getAttribute('href')).toBe('/tasks/a');
  });

  it('says when there is no step yet', () => {
    render(
      <MemoryRouter>
        <StepsTable caption="Steps" tasks={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByText('No step yet.')).toBeTruthy();
  });
});
