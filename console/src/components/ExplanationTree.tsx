import type { Schemas } from '../api/client';

type Condition = Schemas['ConditionExplanationDto'];

const GROUP: Record<string, string> = { all: 'All of', any: 'Any of', not: 'Not' };

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

function Verdict({ result }: { result: boolean | null }) {
  if (result === null) return <span className="verdict skipped">not evaluated</span>;
  return <span className={`verdict ${result ? 'true' : 'false'}`}>{result ? 'true' : 'false'}</span>;
}

function Node({ node }: { node: Condition }) {
  const label = node.name ?? node.reference;
  if (node.type !== 'fact')
    return (
      <li>
        <span className="condition">
          {GROUP[node.type]}
          {label && <em> ({label})</em>}: <Verdict result={node.result} />
        </span>
        <ul>
          {(node.conditions ?? []).map((child, i) => (
            <Node key={i} node={child} />
          ))}
        </ul>
      </li>
    );
  const expected = node.expectedFact ? `the fact ${node.expectedFact.fact} (${show(node.expected)})` : show(node.expected);
  return (
    <li>
      <span className="condition">
        <code>
          {node.fact}
          {node.path ?? ''}
        </code>{' '}
        {node.operator} {expected}
        {label && <em> ({label})</em>}
        {node.evaluated && <> — saw {show(node.actual)}</>}: <Verdict result={node.result} />
      </span>
    </li>
  );
}

/** Why a decision came out as it did: each rule, whether it fired, and its evaluated condition tree. */
export function ExplanationTree({ rules }: { rules: Schemas['RuleExplanationDto'][] }) {
  return (
    <ul className="explanation">
      {rules.map((rule) => (
        <li key={rule.name} className={rule.fired ? 'fired' : 'not-fired'}>
          <details open={rule.fired}>
            <summary>
              <strong>{rule.fired ? 'Fired' : 'Did not fire'}</strong>: {rule.name}
              {rule.description && <span className="rule-description"> — {rule.description}</span>}
            </summary>
            <ul className="conditions">
              <Node node={rule.conditions} />
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
