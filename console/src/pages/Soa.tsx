import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, TextField } from 'react-aria-components';
import { api, ProblemError, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { useListParams } from '../components/list-params';
import { FilterForm } from '../components/RegisterList';
import { ProblemMessage } from '../components/ProblemMessage';
import { IMPLEMENTATION_STATUSES } from '../vocabulary';

type Entry = Schemas['SoaEntryDto'];
type Status = Entry['implementationStatus'];
/** The roles the API lets set a control's implementation status (admin passes every check). */
const EDITORS = ['governance', 'risk-officer', 'compliance-officer'];

/** Downloads the statement as the API's CSV (Accept: text/csv) with the session cookie. */
async function downloadCsv(): Promise<void> {
  const response = await fetch('/api/v1/statement-of-applicability', { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!response.ok) throw new ProblemError({ status: response.status, title: response.statusText || 'Download failed' });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'statement-of-applicability.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The Statement of Applicability: derived by the API from the active rules and the systems in
 * scope. Evidence expiry filters on the server; applicability and status filter the 38 controls here.
 */
export function Soa() {
  const { can } = useSession();
  const list = useListParams();
  const { params } = list;
  const evidenceExpired = params.get('evidenceExpired') as 'true' | 'false' | null;
  const soa = useQuery({
    queryKey: ['soa', evidenceExpired],
    // The route also serves text/csv; this request asks for (and gets) JSON.
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/statement-of-applicability', { params: { query: evidenceExpired ? { evidenceExpired } : {} } }),
      )) as Schemas['StatementOfApplicabilityDto'],
  });
  const csv = useMutation({ mutationFn: downloadCsv });
  const applicability = params.get('applicability');
  const status = params.get('status');
  const controls = soa.data?.controls.filter(
    (c) => (!applicability || c.applicable === (applicability === 'applicable')) && (!status || c.implementationStatus === status),
  );
  const editable = can(...EDITORS);

  return (
    <>
      <div className="heading-row">
        <h1>Statement of Applicability</h1>
        <Button className="button secondary" onPress={() => csv.mutate()}>
          Download CSV
        </Button>
      </div>
      <ProblemMessage error={csv.error} />
      {soa.data && (
        <p className="muted">
          {soa.data.standard}: {soa.data.applicable} controls applicable, {soa.data.systemsInScope} systems in scope; derived {when(soa.data.generatedAt)} from
          required-controls v{soa.data.ruleSets['required-controls']}.
        </p>
      )}
      {!editable && <p className="muted">Setting a control&apos;s implementation status needs the governance, risk-officer or compliance-officer role.</p>}
      <FilterForm list={list} label="Filter controls">
        <FilterSelect name="applicability" label="Applicability" values={['applicable', 'not-applicable']} value={applicability} />
        <FilterSelect name="status" label="Implementation" values={IMPLEMENTATION_STATUSES} value={status} />
        <FilterSelect name="evidenceExpired" label="Evidence expired" values={['true', 'false']} value={evidenceExpired} />
      </FilterForm>
      <ProblemMessage error={soa.error} />
      <table className="list">
        <caption>{controls ? `${controls.length} ${controls.length === 1 ? 'control' : 'controls'}` : 'Loading…'}</caption>
        <thead>
          <tr>
            <th scope="col">Control</th>
            <th scope="col">Applicable</th>
            <th scope="col">Justification</th>
            <th scope="col">Systems</th>
            <th scope="col">Evidence</th>
            <th scope="col">Implementation</th>
          </tr>
        </thead>
        <tbody>
          {controls?.map((control) => (
            <tr key={control.controlId}>
              <th scope="row">
                {control.controlId} {control.title}
              </th>
              <td>{control.applicable ? 'yes' : 'no'}</td>
              <td>{control.justification}</td>
              <td>{control.organisationWide ? 'organisation-wide' : control.systems.map((s) => s.name).join(', ') || '—'}</td>
              <td>
                {control.evidence}
                {control.evidenceExpired && <span className="badge risk-high"> expired</span>}
              </td>
              <td>
                <Implementation control={control} editable={editable} />
              </td>
            </tr>
          ))}
          {controls?.length === 0 && (
            <tr>
              <td colSpan={6}>No control matches.</td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}

/** A control's implementation status and note; those allowed edit them in place. */
function Implementation({ control, editable }: { control: Entry; editable: boolean }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<Status>(control.implementationStatus);
  const [note, setNote] = useState(control.implementationNote ?? '');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/statement-of-applicability/{controlId}/implementation', {
          params: { path: { controlId: control.controlId } },
          body: { status, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      await client.invalidateQueries({ queryKey: ['soa'] });
    },
  });
  if (!editing)
    return (
      <>
        {control.implementationStatus}
        {control.implementationNote && <p className="muted">{control.implementationNote}</p>}
        {editable && (
          <Button className="button small secondary" aria-label={`Edit ${control.controlId} implementation`} onPress={() => setEditing(true)}>
            Edit
          </Button>
        )}
      </>
    );
  return (
    <Form
      aria-label={`${control.controlId} implementation`}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Select selectedKey={status} onSelectionChange={(key) => setStatus(key as Status)}>
        <Label>Status</Label>
        <Button className="select-button">
          <SelectValue />
          <span aria-hidden="true">▾</span>
        </Button>
        <Popover>
          <ListBox>
            {IMPLEMENTATION_STATUSES.map((s) => (
              <ListBoxItem key={s} id={s}>
                {s}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
      <TextField value={note} onChange={setNote}>
        <Label>Note</Label>
        <Input />
      </TextField>
      <Button type="submit" className="button small">
        Save
      </Button>
      <Button className="button small secondary" onPress={() => setEditing(false)}>
        Cancel
      </Button>
      <ProblemMessage error={save.error} />
    </Form>
  );
}
