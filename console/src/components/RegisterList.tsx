import type { ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { Link } from 'react-router';
import type { useListParams } from './list-params';
import { Pagination } from './Pagination';
import { SubjectLink } from './SubjectLink';

/** The filter form of a register: its inputs, then apply and clear. */
export function FilterForm({ list, label, children }: { list: ReturnType<typeof useListParams>; label: string; children: ReactNode }) {
  return (
    <Form className="filters" onSubmit={list.applyFilters} key={list.params.toString()} aria-label={label}>
      {children}
      <Button type="submit" className="button">
        Apply filters
      </Button>
      <Button className="button secondary" onPress={list.clear}>
        Clear
      </Button>
    </Form>
  );
}

export interface Column<T> {
  header: string;
  cell(item: T): ReactNode;
}

/** One page of a register as a table (the first column names the row), with the total and the pages. */
export function RegisterTable<T extends { id: string }>({
  page,
  noun,
  columns,
  list,
}: {
  page: { items: T[]; total: number } | undefined;
  noun: [singular: string, plural: string];
  columns: Column<T>[];
  list: ReturnType<typeof useListParams>;
}) {
  return (
    <>
      <table className="list">
        <caption>{page ? `${page.total} ${page.total === 1 ? noun[0] : noun[1]}` : 'Loading…'}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page?.items.map((item) => (
            <tr key={item.id}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(item)}</td>
              ))}
            </tr>
          ))}
          {page?.items.length === 0 && (
            <tr>
              <td colSpan={columns.length}>None matches.</td>
            </tr>
          )}
        </tbody>
      </table>
      {page && <Pagination offset={list.offset} limit={list.limit} total={page.total} onOffset={list.setOffset} />}
    </>
  );
}

/** The way back from a detail page to its register. */
export function Breadcrumb({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>{children}</Link> /
    </p>
  );
}

/** Says so when the list is narrowed to one AI system (`?systemId=`, as the system's page links it). */
export function SystemScope({ list }: { list: ReturnType<typeof useListParams> }) {
  const systemId = list.params.get('systemId');
  if (!systemId) return null;
  return (
    <p>
      Of <SubjectLink type="ai-system" id={systemId} /> only.
    </p>
  );
}
