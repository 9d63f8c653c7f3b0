import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

/** The nonce the service put into this page for the styles a library injects (the CSP allows only those). */
function cspNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}

/** A CodeMirror 6 JSON editor; its styles are injected with the page's CSP nonce. */
export default function JsonEditor({ value, onChange, label, readOnly }: { value: string; onChange(value: string): void; label: string; readOnly: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          json(),
          // Wrapped lines: CodeMirror's scroller never scrolls sideways (the framed region scrolls instead).
          EditorView.lineWrapping,
          EditorView.cspNonce.of(cspNonce()),
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => update.docChanged && latest.current(update.state.doc.toString())),
        ],
      }),
    });
    return () => view.destroy();
    // The editor owns the text once created; a new document (another rule set) remounts it by key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The frame scrolls, not CodeMirror's own scroller: a region keyboard users can focus and scroll.
  return <div className="editor" ref={host} tabIndex={0} role="region" aria-label={`${label}, scrollable`} />;
}
