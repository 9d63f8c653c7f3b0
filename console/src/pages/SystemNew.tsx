import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemMessage } from '../components/ProblemMessage';
import { GeneratedForm } from '../forms/GeneratedForm';
import { type FieldSpec, fromJsonSchema } from '../forms/fields';
import { ORGANISATION_ROLES } from '../vocabulary';

/** The register's own fields; the attributes come from the service's attribute schema. */
const FIXED: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, kind: 'string' },
  { name: 'intendedPurpose', label: 'Intended purpose', required: true, kind: 'string' },
  { name: 'description', label: 'Description', required: false, kind: 'string' },
  {
    name: 'roles',
    label: 'Roles of the organisation',
    description: 'ISO/IEC 42001 clause 4; EU AI Act Art. 3',
    required: true,
    kind: 'multi',
    values: ORGANISATION_ROLES,
  },
  { name: 'owner', label: 'Owner (subject accountable for it)', required: false, kind: 'string' },
  { name: 'thirdParty', label: 'Supplied by a third party', required: false, kind: 'boolean' },
  {
    name: 'model',
    label: 'Model',
    required: false,
    kind: 'object',
    fields: [
      { name: 'provider', label: 'Provider', required: false, kind: 'string' },
      { name: 'name', label: 'Model name', required: false, kind: 'string' },
      { name: 'version', label: 'Model version', required: false, kind: 'string' },
    ],
  },
];

/** Registration, with the attribute inputs generated from the attribute JSON Schema the service validates against. */
export function SystemNew() {
  const { can } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const schema = useQuery({ queryKey: ['attribute-schema'], queryFn: () => unwrap(api.GET('/api/v1/ai-systems/attribute-schema')), staleTime: Infinity });

  if (!can('ai-owner', 'governance'))
    return (
      <>
        <h1>Register an AI system</h1>
        <p>Registering AI systems needs the ai-owner or governance role.</p>
      </>
    );
  if (schema.error) return <ProblemMessage error={schema.error} />;
  if (!schema.data) return <p className="loading">Loading…</p>;
  const specs: FieldSpec[] = [...FIXED, { name: 'attributes', label: 'Attributes', required: false, kind: 'object', fields: fromJsonSchema(schema.data) }];

  async function register(body: Record<string, unknown>) {
    const system = await unwrap(api.POST('/api/v1/ai-systems', { body: body as Schemas['CreateAiSystemDto'] }));
    await client.invalidateQueries({ queryKey: ['ai-systems'] });
    navigate(`/systems/${system.id}`);
  }

  return (
    <>
      <h1>Register an AI system</h1>
      <p>Registering classifies the system under the EU AI Act and starts its onboarding.</p>
      <GeneratedForm specs={specs} pointerBase="" submitLabel="Register" onSubmit={register} />
    </>
  );
}
