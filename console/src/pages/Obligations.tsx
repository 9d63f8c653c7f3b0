import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { FilterSelect } from '../components/FilterSelect';
import { day } from '../components/format';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';
import { FilterForm, SystemScope } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { ObligationEntry } from '../components/SystemRegisters';
import { OBLIGATION_SOURCES, ORGANISATION_ROLES } from '../vocabulary';

type Obligation = Schemas['RegisterObligationDto'];

/** Obligations grouped by the date they apply from, in the order the API gives (earliest first). */
function byDate(items: Obligation[]): [string, Obligation[]][] {
  const groups = new Map<string, Obligation[]>();
  for (const item of items) groups.set(item.appliesFrom, [...(groups.get(item.appliesFrom) ?? []), item]);
  return [...groups];
}

/** The EU AI Act obligations of the register as a calendar: by the date each applies from. */
export function Obligations() {
  const list = useListParams(['appliesFrom', 'appliesBefore', 'systemId', 'role', 'source'], 50);
  const page = useQuery({
    queryKey: ['obligations', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/obligations', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Obligations calendar</h1>
      <p className="muted">Every EU AI Act obligation of every AI system not retired, by the date it applies from (eu-ai-act-obligations rules).</p>
      <FilterForm list={list} label="Filter obligations">
        <TextField name="appliesFrom" type="date" defaultValue={list.params.get('appliesFrom') ?? ''}>
          <Label>Applies from (on or after)</Label>
          <Input />
        </TextField>
        <TextField name="appliesBefore" type="date" defaultValue={list.params.get('appliesBefore') ?? ''}>
          <Label>Applies from (before)</Label>
          <Input />
        </TextField>
        <FilterSelect name="role" label="Operator role" values={ORGANISATION_ROLES} value={list.params.get('role')} />
        <FilterSelect name="source" label="Date source" values={OBLIGATION_SOURCES} value={list.params.get('source')} />
      </FilterForm>
      <SystemScope list={list} />
      <ProblemMessage error={page.error} />
      <p role="status">{page.data ? `${page.data.total} ${page.data.total === 1 ? 'obligation' : 'obligations'}` : 'Loading…'}</p>
      <div className="calendar">
        {page.data &&
          byDate(page.data.items).map(([date, items]) => (
            <section key={date} aria-labelledby={`day-${date}`}>
              <h2 id={`day-${date}`}>
                <time dateTime={date}>{day(date)}</time>
              </h2>
              <ul>
                {items.map((o) => (
                  <li key={`${o.systemId}/${o.id}`}>
                    <Link to={`/systems/${o.systemId}`}>{o.systemName}</Link>: <ObligationEntry obligation={o} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
      {page.data && <Pagination offset={list.offset} limit={list.limit} total={page.data.total} onOffset={list.setOffset} />}
    </>
  );
}
