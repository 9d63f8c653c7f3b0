import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './camunda-form.css';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { ProblemError } from '../api/client';
import { ProblemMessage } from '../components/ProblemMessage';

interface Props {
  /** The form-js schema the task carries (`camundaForm.schema`). */
  schema: Record<string, unknown>;
  submitLabel: string;
  onSubmit(data: Record<string, unknown>): Promise<unknown>;
}

interface FormField {
  id: string;
}
interface FieldRegistry {
  getAll(): FormField[];
}
interface PathRegistry {
  getValuePath(field: FormField): Array<string | number> | undefined;
}
type Errors = Record<string, string[]>;
interface FormState {
  errors: Errors;
}

/** The component id each data path (`owner/name`) belongs to, as the viewer laid the form out. */
function fieldsByPath(form: Form): Map<string, string> {
  const paths = form.get<PathRegistry>('pathRegistry');
  const byPath = new Map<string, string>();
  for (const field of form.get<FieldRegistry>('formFieldRegistry').getAll()) {
    try {
      const path = paths.getValuePath(field);
      if (path?.length) byPath.set(path.join('/'), field.id);
    } catch {
      // Fields inside a dynamic list have no single path; their errors are listed under the form.
    }
  }
  return byPath;
}

/**
 * A Camunda form rendered by the form-js viewer (loaded with this chunk only when a task has one).
 * The viewer checks what it can before sending; the service's refusals (400, one pointer per field)
 * are shown on the fields they name, the rest listed under the form.
 */
export default function CamundaForm({ schema, submitLabel, onSubmit }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; general: string[] }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const viewer = new Form({ container: container.current! });
    form.current = viewer;
    void viewer.importSchema(schema);
    return () => {
      viewer.destroy();
      form.current = null;
    };
  }, [schema]);

  async function submit() {
    const viewer = form.current;
    if (!viewer) return;
    setFailure(undefined);
    const { data, errors } = viewer.submit();
    if (Object.keys(errors).length) return;
    setBusy(true);
    try {
      await onSubmit(data);
    } catch (error) {
      const byPath = fieldsByPath(viewer);
      const placed: Errors = {};
      const general: string[] = [];
      for (const e of error instanceof ProblemError ? (error.problem.errors ?? []) : []) {
        const id = byPath.get(e.pointer.replace(/^\/variables\//, ''));
        if (id) placed[id] = [...(placed[id] ?? []), e.message];
        else general.push(`${e.pointer}: ${e.message}`);
      }
      // The viewer shows a field's errors from its state, as after its own checks.
      viewer._setState({ errors: { ...(viewer._getState() as FormState).errors, ...placed } });
      setFailure({ error, general });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="camunda-form">
      <div ref={container} />
      {failure && <ProblemMessage error={failure.error} general={failure.general} />}
      <Button className="button" isDisabled={busy} onPress={() => void submit()}>
        {submitLabel}
      </Button>
    </div>
  );
}
