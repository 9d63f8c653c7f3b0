import {
  Button,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import type { FieldSpec, Values } from './fields';

interface Props {
  specs: FieldSpec[];
  values: Values;
  onChange(values: Values): void;
  /** Error messages by field path (`risks/0/title`). */
  errors: Record<string, string>;
  prefix?: string;
}

function Description({ spec }: { spec: FieldSpec }) {
  return spec.description ? <Text slot="description">{spec.description}</Text> : null;
}

function Required({ spec }: { spec: FieldSpec }) {
  return spec.required ? <span className="required"> (required)</span> : null;
}

/** A form generated from field specs: one accessible input per field, errors on the field they name. */
export function GeneratedFields({ specs, values, onChange, errors, prefix = '' }: Props) {
  const set = (name: string, value: unknown) => onChange({ ...values, [name]: value });
  return (
    <>
      {specs.map((spec) => (
        <GeneratedField key={spec.name} spec={spec} value={values[spec.name]} onChange={(v) => set(spec.name, v)} errors={errors} path={prefix + spec.name} />
      ))}
    </>
  );
}

interface FieldProps {
  spec: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
  errors: Record<string, string>;
  path: string;
}

function GeneratedField({ spec, value, onChange, errors, path }: FieldProps) {
  const error = errors[path];
  const invalid = error !== undefined;
  const common = { name: path, isInvalid: invalid, isRequired: spec.required, validationBehavior: 'aria' as const, className: `field field-${spec.kind}` };
  switch (spec.kind) {
    case 'boolean':
      if (!spec.required)
        return (
          <div className="field field-boolean">
            <Checkbox name={path} isSelected={value === true} onChange={onChange} isInvalid={invalid}>
              <span className="checkbox" aria-hidden="true" />
              {spec.label}
            </Checkbox>
            {spec.description && <p className="description">{spec.description}</p>}
            {invalid && <p className="error">{error}</p>}
          </div>
        );
      return (
        <RadioGroup {...common} value={value === undefined ? null : String(value)} onChange={(v) => onChange(v === 'true')}>
          <Label>
            {spec.label}
            <Required spec={spec} />
          </Label>
          <div className="options">
            <Radio value="true">Yes</Radio>
            <Radio value="false">No</Radio>
          </div>
          <Description spec={spec} />
          <FieldError>{error}</FieldError>
        </RadioGroup>
      );
    case 'enum':
      if ((spec.values?.length ?? 0) <= 5)
        return (
          <RadioGroup {...common} value={(value as string) ?? null} onChange={onChange}>
            <Label>
              {spec.label}
              <Required spec={spec} />
            </Label>
            <div className="options">
              {spec.values!.map((v) => (
                <Radio key={v} value={v}>
                  {spec.valueLabels?.[v] ?? v}
                </Radio>
              ))}
            </div>
            <Description spec={spec} />
            <FieldError>{error}</FieldError>
          </RadioGroup>
        );
      return (
        <Select {...common} selectedKey={(value as string) ?? null} onSelectionChange={(key) => onChange(key)}>
          <Label>
            {spec.label}
            <Required spec={spec} />
          </Label>
          <Button className="select-button">
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </Button>
          <Description spec={spec} />
          <FieldError>{error}</FieldError>
          <Popover>
            <ListBox>
              {spec.values!.map((v) => (
                <ListBoxItem key={v} id={v}>
                  {spec.valueLabels?.[v] ?? v}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      );
    case 'multi':
      return (
        <CheckboxGroup {...common} value={(value as string[]) ?? []} onChange={onChange}>
          <Label>
            {spec.label}
            <Required spec={spec} />
          </Label>
          <div className={`options${spec.values!.length > 8 ? ' many' : ''}`}>
            {spec.values!.map((v) => (
              <Checkbox key={v} value={v}>
                <span className="checkbox" aria-hidden="true" />
                {v}
              </Checkbox>
            ))}
          </div>
          <Description spec={spec} />
          <FieldError>{error}</FieldError>
        </CheckboxGroup>
      );
    case 'object':
      return (
        <fieldset className="field field-object" aria-invalid={invalid || undefined}>
          <legend>
            {spec.label}
            <Required spec={spec} />
          </legend>
          {invalid && <p className="error">{error}</p>}
          <GeneratedFields specs={spec.fields ?? []} values={(value as Values) ?? {}} onChange={onChange} errors={errors} prefix={`${path}/`} />
        </fieldset>
      );
    case 'objects': {
      const items = (value as Values[]) ?? [];
      const singular = spec.label.replace(/s$/, '').toLowerCase();
      return (
        <fieldset className="field field-objects" aria-invalid={invalid || undefined}>
          <legend>
            {spec.label}
            <Required spec={spec} />
          </legend>
          {invalid && <p className="error">{error}</p>}
          {items.map((item, i) => (
            <fieldset key={i} className="item">
              <legend>
                {spec.label.replace(/s$/, '')} {i + 1}
              </legend>
              <GeneratedFields
                specs={spec.fields ?? []}
                values={item}
                onChange={(next) => onChange(items.map((old, j) => (j === i ? next : old)))}
                errors={errors}
                prefix={`${path}/${i}/`}
              />
              <Button className="button secondary" onPress={() => onChange(items.filter((_, j) => j !== i))}>
                Remove {singular} {i + 1}
              </Button>
            </fieldset>
          ))}
          <Button className="button secondary" onPress={() => onChange([...items, {}])}>
            Add {singular}
          </Button>
        </fieldset>
      );
    }
    case 'list':
    case 'json': {
      const text = spec.kind === 'list' ? ((value as string[]) ?? []).join('\n') : ((value as string) ?? '');
      return (
        <TextField
          {...common}
          value={text}
          onChange={(t) => onChange(spec.kind === 'list' ? t.split('\n').filter((line, i, all) => line.trim() || i === all.length - 1) : t)}
        >
          <Label>
            {spec.label}
            <Required spec={spec} />
          </Label>
          <TextArea rows={3} />
          <Text slot="description">{spec.kind === 'list' ? 'One per line.' : 'A JSON object.'}</Text>
          <FieldError>{error}</FieldError>
        </TextField>
      );
    }
    default: {
      const type =
        spec.kind === 'date' ? 'date' : spec.kind === 'datetime' ? 'datetime-local' : spec.kind === 'integer' || spec.kind === 'number' ? 'number' : 'text';
      return (
        <TextField {...common} type={type} value={value === undefined ? '' : String(value)} onChange={onChange}>
          <Label>
            {spec.label}
            <Required spec={spec} />
          </Label>
          {spec.kind === 'string' && spec.name.match(/comment|notes|summary|description|response|plan|retention/i) ? (
            <TextArea rows={3} />
          ) : (
            <Input min={spec.min} max={spec.max} />
          )}
          <Description spec={spec} />
          <FieldError>{error}</FieldError>
        </TextField>
      );
    }
  }
}
