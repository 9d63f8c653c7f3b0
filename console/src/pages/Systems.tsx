import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FilterSelect } from '../components/FilterSelect';
import { useListParams } from '../components/list-params';
import { FilterForm } from '../components/RegisterList';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';
import { ORGANISATION_ROLES, RISK_CLASSES, STATUSES } from '../vocabulary';

const FILTERS = ['q', 'status', 'riskClass', 'role', 'useCase'] as const;

/** The AI system register: the API's filters and its pages. */
export function Systems() {
  const { can } = useSession();
  const list = useListParams(FILTERS);
  const { params, offset, setOffset, limit, query } = list;
  const systems = useQuery({
    queryKey: ['ai-systems', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/ai-systems', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="heading-row">
        <h1>AI systems</h1>
        {can('ai-owner', 'governance') && (
          <Link className="button" to="/systems/new">
            Register an AI system
          </Link>
        )}
      </div>
      <FilterForm list={list} label="Filter AI systems">
        <TextField name="q" defaultValue={params.get('q') ?? ''}>
          <Label>Search</Label>
          <Input />
        </TextField>
        <FilterSelect name="status" label="Status" values={STATUSES} value={params.get('status')} />
        <FilterSelect name="riskClass" label="Risk class" values={RISK_CLASSES} value={params.get('riskClass')} />
        <FilterSelect name="role" label="Organisation role" values={ORGANISATION_ROLES} value={params.get('role')} />
        <TextField name="useCase" defaultValue={params.get('useCase') ?? ''}>
          <Label>Use case</Label>
          <Input />
        </TextField>
      </FilterForm>
      <ProblemMessage error={systems.error} />
      <table className="list">
        <caption>{systems.data ? `${systems.data.total} ${systems.data.total === 1 ? 'system' : 'systems'}` : 'Loading…'}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Risk class</th>
            <th scope="col">Status</th>
            <th scope="col">Roles</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {systems.data?.items.map((system) => (
            <tr key={system.id}>
              <td>
                <Link to={`/systems/${system.id}`}>{system.name}</Link>
              </td>
              <td>
                <span className={`badge risk-${system.riskClass ?? 'none'}`}>{system.riskClass ?? 'unclassified'}</span>
              </td>
              <td>{system.status}</td>
              <td>{system.roles.join(', ')}</td>
              <td>{system.owner ?? '—'}</td>
            </tr>
          ))}
          {systems.data?.items.length === 0 && (
            <tr>
              <td colSpan={5}>No system matches.</td>
            </tr>
          )}
        </tbody>
      </table>
      {systems.data && <Pagination offset={offset} limit={limit} total={systems.data.total} onOffset={setOffset} />}
    </>
  );
}
