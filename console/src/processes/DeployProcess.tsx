import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api, type Problem, ProblemError, type Schemas, unwrap } from '../api/client';
import type { ElementIssue } from '../components/BpmnDiagram';
import { ProblemMessage } from '../components/ProblemMessage';

const BpmnDiagram = lazy(() => import('../components/BpmnDiagram'));

type DeployIssue = ElementIssue & { processId?: string };

/** Problem field errors of a refused deployment: the pointer `/elements/<id>` names the element, `processId` its process. */
function elementIssues(problem: Problem): DeployIssue[] {
  return (problem.errors ?? []).map((e) => {
    const { elementId, processId } = e as { elementId?: string; processId?: string };
    return { elementId: elementId ?? e.pointer.replace(/^\/elements\//, ''), processId, message: e.message };
  });
}

type Deployed = Schemas['DeployedDefinitionDto'];

/**
 * Deploys a BPMN file as the next version of its key (each executable process of the file as a definition of its own);
 * a refusal is shown on the elements it names and in a list.
 */
export function DeployProcess() {
  const client = useQueryClient();
  const [file, setFile] = useState<{ name: string; xml: string }>();
  const [outcome, setOutcome] = useState<{ error?: unknown; issues?: DeployIssue[]; deployed?: Deployed }>({});

  async function deploy(chosen: File) {
    const xml = await chosen.text();
    setFile({ name: chosen.name, xml });
    setOutcome({});
    try {
      const deployed = await unwrap(
        api.POST('/api/v1/process-definitions', { body: xml, bodySerializer: (body: string) => body, headers: { 'Content-Type': 'application/xml' } }),
      );
      setOutcome({ deployed });
      await client.invalidateQueries({ queryKey: ['process-definitions'] });
    } catch (error) {
      const issues = error instanceof ProblemError && error.problem.status === 422 ? elementIssues(error.problem) : undefined;
      setOutcome({ error, issues });
    }
  }

  return (
    <section aria-labelledby="deploy-heading">
      <h2 id="deploy-heading">Deploy a process</h2>
      <div className="field">
        <label htmlFor="bpmn-file">BPMN file</label>
        <input
          id="bpmn-file"
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          aria-describedby="bpmn-file-help"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void deploy(chosen);
          }}
        />
        <span id="bpmn-file-help" className="description">
          Deployed as soon as it is chosen, as the next version of its process key; a process outside the supported subset is refused and nothing is stored.
        </span>
      </div>
      {outcome.deployed && (
        <p role="status">
          {[outcome.deployed, ...outcome.deployed.deployedWith].map((d, i) => (
            <span key={d.key}>
              {i > 0 && ' '}
              {d.created ? 'Deployed' : 'Already deployed (same content)'}:{' '}
              <Link to={`?key=${encodeURIComponent(d.key)}`}>
                {d.key} version {d.version}
              </Link>
              .
            </span>
          ))}
        </p>
      )}
      {outcome.issues ? (
        <>
          <div role="alert" className="problem">
            <strong>
              {file?.name} was refused: {outcome.issues.length} {outcome.issues.length === 1 ? 'issue' : 'issues'}
            </strong>
            <ul aria-label="Issues by element">
              {outcome.issues.map((issue, i) => (
                <li key={i}>
                  {issue.processId && issue.processId !== issue.elementId && (
                    <>
                      <code>{issue.processId}</code> ›{' '}
                    </>
                  )}
                  <code>{issue.elementId}</code>: {issue.message}
                </li>
              ))}
            </ul>
          </div>
          <Suspense fallback={<p className="loading">Loading the diagram viewer…</p>}>
            {file && <BpmnDiagram xml={file.xml} title={file.name} issues={outcome.issues} />}
          </Suspense>
        </>
      ) : (
        <ProblemMessage error={outcome.error} />
      )}
    </section>
  );
}
