import { ProblemError, type Problem } from '../api/client';

/** Explains a refused request: what the service said, the rule that refused, and what a 403 means. */
export function ProblemMessage({ error, general }: { error: unknown; general?: string[] }) {
  if (!error) return null;
  const problem: Problem = error instanceof ProblemError ? error.problem : { status: 0, detail: error instanceof Error ? error.message : String(error) };
  const heading =
    problem.status === 403
      ? problem.code === 'segregation-of-duties'
        ? 'Refused by segregation of duties'
        : 'Not allowed with your roles'
      : problem.status === 409
        ? 'Conflict'
        : problem.title
          ? problem.title.replace(/^./, (c) => c.toUpperCase())
          : 'Request failed';
  return (
    <div role="alert" className="problem">
      <strong>{heading}</strong>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.rule && (
        <p>
          Rule: <code>{problem.rule}</code>
        </p>
      )}
      {(general ?? problem.errors?.map((e) => `${e.pointer}: ${e.message}`))?.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {problem.usedBy && (
        <ul aria-label="Still used by">
          {problem.usedBy.map((use) => (
            <li key={use.source}>
              {use.source}: {use.usages.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
