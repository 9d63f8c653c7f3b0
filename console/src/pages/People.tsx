import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { useListParams } from '../components/list-params';
import { FilterForm } from '../components/RegisterList';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';

const FILTERS = ['q', 'role', 'active'] as const;

/** The people directory: who may act, with which roles; filtered by name, role and activation. */
export function People() {
  const list = useListParams(FILTERS);
  const { params, offset, setOffset, limit, query } = list;
  const people = useQuery({
    queryKey: ['people', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => unwrap(api.GET('/api/v1/roles', { params: { query: { limit: 100 } } })) });

  return (
    <>
      <h1>People</h1>
      <FilterForm list={list} label="Filter people">
        <TextField name="q" defaultValue={params.get('q') ?? ''}>
          <Label>Search</Label>
          <Input />
        </TextField>
        <FilterSelect name="role" label="Role" values={roles.data?.items.map((role) => role.key) ?? []} value={params.get('role')} />
        <FilterSelect name="active" label="Active" values={['true', 'false']} value={params.get('active')} />
      </FilterForm>
      <ProblemMessage error={people.error} />
      <table className="list">
        <caption>{people.data ? `${people.data.total} ${people.data.total === 1 ? 'person' : 'people'}` : 'Loading…'}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Identity</th>
            <th scope="col">E-mail</th>
            <th scope="col">Roles</th>
            <th scope="col">State</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {people.data?.items.map((person) => (
            <tr key={person.id}>
              <td>
                <Link to={`/admin/people/${person.id}`}>{person.displayName}</Link>
              </td>
              <td>
                <code>{person.identity}</code>
              </td>
              <td>{person.email ?? '—'}</td>
              <td>{person.roles.join(', ') || '—'}</td>
              <td>{person.active ? 'active' : <span className="badge">deactivated</span>}</td>
              <td>{when(person.lastSeenAt)}</td>
            </tr>
          ))}
          {people.data?.items.length === 0 && (
            <tr>
              <td colSpan={6}>Nobody matches.</td>
            </tr>
          )}
        </tbody>
      </table>
      {people.data && <Pagination offset={offset} limit={limit} total={people.data.total} onOffset={setOffset} />}
    </>
  );
}
