import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../../src/common/paths.js';
import type { TestApp } from './test-app.js';

/** Config for apps that deploy only what their test deploys (the product's processes/ folder is tested on its own). */
export const OWN_PROCESSES_ONLY = { processesDir: mkdtempSync(path.join(os.tmpdir(), 'aimsflow-no-processes-')) };

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export function fixture(name: string): string {
  return readFileSync(fromProjectRoot('test/fixtures/bpmn', name), 'utf8');
}

/** A BPMN document around a process body (aimsflow namespace declared). */
export function bpmn(key: string, body: string, processAttrs = '', messages = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  id="Defs_${key}" targetNamespace="https://aimsflow.dev/test">${messages}
  <bpmn:process id="${key}" isExecutable="true" ${processAttrs}>${body}</bpmn:process>
</bpmn:definitions>`;
}

/** Sequence flows F1..Fn through the given element ids, in order. */
export function chain(...ids: string[]): string {
  return ids
    .slice(1)
    .map((target, i) => `<bpmn:sequenceFlow id="F_${ids[i]}_${target}" sourceRef="${ids[i]}" targetRef="${target}"/>`)
    .join('\n');
}

/** Process drivers over HTTP for one test app. */
export function processClient(t: TestApp) {
  const deploy = (token: string, xml: string) => t.http.post('/api/v1/process-definitions').set(auth(token)).set('Content-Type', 'application/xml').send(xml);
  const start = (token: string, definitionKey: string, variables: Record<string, unknown> = {}, subject = { type: 'case', id: 'sys-1' }) =>
    t.http.post('/api/v1/process-instances').set(auth(token)).send({ definitionKey, subject, variables });
  const instance = (token: string, id: string) => t.http.get(`/api/v1/process-instances/${id}`).set(auth(token));
  const history = (token: string, id: string) => t.http.get(`/api/v1/process-instances/${id}/history?limit=500`).set(auth(token));
  const tasks = (token: string, query: Record<string, string> = {}) => t.http.get('/api/v1/tasks').query(query).set(auth(token));
  /** The single open task of an element in an instance. */
  const taskOf = async (token: string, instanceId: string, elementId: string) => {
    const res = await t.http.get('/api/v1/tasks').query({ instanceId, status: 'open', limit: 500 }).set(auth(token));
    const found = (res.body.items as Array<{ id: string; elementId: string }>).filter((task) => task.elementId === elementId);
    if (found.length !== 1) throw new Error(`expected one open task ${elementId} in ${instanceId}, found ${JSON.stringify(res.body)}`);
    return found[0] as { id: string; elementId: string } & Record<string, unknown>;
  };
  const complete = (token: string, taskId: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/tasks/${taskId}/complete`).set(auth(token)).send(body);
  const advance = (token: string, duration: string) => t.http.post('/api/v1/clock/advance').set(auth(token)).send({ duration });
  return { deploy, start, instance, history, tasks, taskOf, complete, advance };
}
