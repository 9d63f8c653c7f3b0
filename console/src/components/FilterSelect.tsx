import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

/** A filter with a fixed set of values, or any; submitted with its form under `name`. */
export function FilterSelect({ name, label, values, value }: { name: string; label: string; values: readonly string[]; value: string | null }) {
  return (
    <Select name={name} defaultSelectedKey={value ?? ''} className="react-aria-Select filter-select">
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover>
        <ListBox>
          <ListBoxItem id="">any</ListBoxItem>
          {values.map((v) => (
            <ListBoxItem key={v} id={v}>
              {v}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
