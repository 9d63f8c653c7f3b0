import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { ProblemError } from '../api/client';
import { ProblemMessage } from '../components/ProblemMessage';
import { GeneratedFields } from './GeneratedFields';
import { type FieldSpec, placeErrors, toPayload, validate, valueAt, type Values } from './fields';

interface Props {
  specs: FieldSpec[];
  /** Where the service's error pointers start for these fields, e.g. `/variables` or `/attributes`. */
  pointerBase: string;
  submitLabel: string;
  onSubmit(payload: Values): Promise<unknown>;
  /** Inputs before the generated ones (fixed fields of the form). */
  children?: ReactNode;
  /** Field errors of the fixed inputs go to their own handler. */
  onFixedErrors?(errors: { pointer: string; message: string }[]): { pointer: string; message: string }[];
}

/**
 * A form generated from field specs: checks what it can before sending, then places the service's
 * errors on the fields their pointers name and explains any other refusal.
 */
export function GeneratedForm({ specs, pointerBase, submitLabel, onSubmit, children, onFixedErrors }: Props) {
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ error: unknown; general?: string[] }>();
  const [busy, setBusy] = useState(false);

  /** An error stays on a field until its value changes. */
  function change(next: Values) {
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => valueAt(values, path) === valueAt(next, path))));
    setValues(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = validate(specs, values);
    setErrors(local);
    setFailure(undefined);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await onSubmit(toPayload(specs, values));
    } catch (error) {
      const fieldErrors = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
      const rest = onFixedErrors ? onFixedErrors(fieldErrors) : fieldErrors;
      const placed = placeErrors(specs, rest, pointerBase);
      setErrors(placed.byField);
      setFailure({ error, general: placed.general });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form onSubmit={submit} className="generated" validationBehavior="aria">
      {children}
      <GeneratedFields specs={specs} values={values} onChange={change} errors={errors} />
      {failure && <ProblemMessage error={failure.error} general={failure.general} />}
      <Button type="submit" className="button" isDisabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
