import { humanise } from '../forms/fields';

/** The elements of a fundamental rights impact assessment, EU AI Act Art. 27(1)(a)–(f), by the FRIA task's field names. */
export const FRIA_ELEMENTS: { key: string; point: string; heading: string }[] = [
  { key: 'processes', point: '(a)', heading: 'The deployer’s processes in which the system is used' },
  { key: 'periodAndFrequency', point: '(b)', heading: 'Period and frequency of use' },
  { key: 'affectedCategories', point: '(c)', heading: 'Categories of natural persons and groups likely to be affected' },
  { key: 'risksOfHarm', point: '(d)', heading: 'Specific risks of harm to those persons and groups' },
  { key: 'humanOversight', point: '(e)', heading: 'Human oversight measures' },
  { key: 'measuresIfRisksMaterialise', point: '(f)', heading: 'Measures if the risks materialise, internal governance and complaints' },
];

/** An answer as text a person reads: paragraphs for text, a list for a list, term and value for an object. */
export function Answer({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <p className="muted">Not answered.</p>;
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((item, i) => (
          <li key={i}>{typeof item === 'object' ? <Answer value={item} /> : String(item)}</li>
        ))}
      </ul>
    );
  if (typeof value === 'object')
    return (
      <dl className="answers">
        {Object.entries(value).map(([key, item]) => (
          <div key={key}>
            <dt>{humanise(key)}</dt>
            <dd>
              <Answer value={item} />
            </dd>
          </div>
        ))}
      </dl>
    );
  if (typeof value === 'boolean') return <p>{value ? 'Yes' : 'No'}</p>;
  return (
    <>
      {String(value)
        .split(/\n\s*\n|\n/)
        .filter((line) => line.trim())
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

/**
 * The FRIA as a document: one section per element of Art. 27(1), in the Regulation's order, then
 * any further answers the DPO gave. Headings start at `level` so it fits the page it is in.
 */
export function FriaDocument({ fria, level = 3 }: { fria: Record<string, unknown>; level?: 3 | 4 }) {
  const Heading = `h${level}` as const;
  const known = new Set(FRIA_ELEMENTS.map((e) => e.key));
  const others = Object.entries(fria).filter(([key]) => !known.has(key));
  return (
    <article className="document" aria-label="Fundamental rights impact assessment">
      {FRIA_ELEMENTS.map((element) => (
        <section key={element.key}>
          <Heading>
            Art. 27(1){element.point} {element.heading}
          </Heading>
          <Answer value={fria[element.key]} />
        </section>
      ))}
      {others.map(([key, value]) => (
        <section key={key}>
          <Heading>{humanise(key)}</Heading>
          <Answer value={value} />
        </section>
      ))}
    </article>
  );
}
