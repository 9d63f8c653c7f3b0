import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from 'react-aria-components';

/**
 * A menu of the header as a disclosure (the WAI-ARIA disclosure navigation pattern rather than
 * role=menu, so its pages stay links): the button opens the panel below it; Escape closes it and
 * returns to the button, as does moving focus out of it or pressing anywhere else.
 */
export function HeaderMenu({
  label,
  current = false,
  open,
  onOpenChange,
  children,
}: {
  label: ReactNode;
  /** The current page is one of its links. */
  current?: boolean;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
}) {
  const panel = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, onOpenChange]);
  return (
    <div
      ref={root}
      className="header-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        onOpenChange(false);
        button.current?.focus();
      }}
      onBlur={(event) => {
        // No related target: focus left the window, or a click Safari does not focus; the pointer handler covers clicks.
        if (open && event.relatedTarget && !root.current?.contains(event.relatedTarget as Node)) onOpenChange(false);
      }}
    >
      <Button
        ref={button}
        className={current ? 'header-menu-button current' : 'header-menu-button'}
        aria-expanded={open}
        aria-controls={panel}
        aria-current={current ? 'true' : undefined}
        onPress={() => onOpenChange(!open)}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </Button>
      <div id={panel} className="header-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
