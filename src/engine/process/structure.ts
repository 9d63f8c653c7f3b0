import type { DefinitionIssue } from './errors.js';
import { type BoundaryElement, isBoundary, type ParsedElement, type ParsedFlow, type ParsedProcess } from './model.js';

/**
 * Where a token lives. The root holds one token; a parallel fork opens one region per outgoing flow
 * (closed by its join, or by the end events of every branch); a non-interrupting boundary event opens a path
 * that runs beside its activity; an embedded sub-process (and an event sub-process) holds the token of its own inner flow.
 */
export type Scope = RootScope | RegionScope | PathScope | SubScope;
export interface RootScope {
  kind: 'root';
  id: 'root';
}
export interface RegionScope {
  kind: 'region';
  id: string;
  forkId: string;
  flowId: string;
  /** Flows from inside this region into parallel joins. */
  reached: Array<{ flowId: string; joinId: string }>;
  /** None end events that consume this branch's token (its own, and those of forks without a join inside it). */
  ends: string[];
  /** Whether a terminate or error end event on this branch can leave the whole scope. */
  leaves: boolean;
}
export interface PathScope {
  kind: 'path';
  id: string;
  boundaryId: string;
}
export interface SubScope {
  kind: 'sub';
  id: string;
  subProcessId: string;
}

export interface Block {
  forkId: string;
  /** Absent for a fork without a join: every branch ends in end events and the block is done when all have ended. */
  joinId?: string;
  regions: RegionScope[];
}

/**
 * A parallel join outside fork/join blocks: it counts the tokens arriving on each incoming flow and lets one
 * token through, in its owner's scope, once every incoming flow holds one (BPMN's token semantics). Tokens come
 * from the owner's own flow and from the paths of non-interrupting boundary events attached in it.
 */
export interface CountedJoin {
  joinId: string;
  owner: Scope;
  /** The scope each incoming flow's token comes from (the owner, or a reminder path). */
  arrivals: Array<{ flowId: string; scope: Scope }>;
}

export interface Structure {
  root: RootScope;
  scopeOf: Map<string, Scope>;
  /** Well-formed fork/join blocks by fork id. */
  blocks: Map<string, Block>;
  /** Paths of non-interrupting boundary events by boundary id. */
  paths: Map<string, PathScope>;
  /** Inner scopes of embedded sub-processes by sub-process id. */
  subs: Map<string, SubScope>;
  /** Parallel joins outside blocks by join id (see CountedJoin). */
  countedJoins: Map<string, CountedJoin>;
  /** How deep each parallel fork and reminder path sits in other branches and sub-processes (1: in the main flow). */
  nesting: Map<string, number>;
  issues: DefinitionIssue[];
  /** What is deployable but can leave a token waiting at a join forever (as in any BPMN engine): reported, not refused. */
  warnings: DefinitionIssue[];
}

/** What may run on a non-interrupting boundary path: automatic work only, so the path ends within the step that fired it. */
const PATH_KINDS = new Set<ParsedElement['kind']>([
  'boundaryTimer',
  'boundaryMessage',
  'boundarySignal',
  'publish',
  'boundaryEscalation',
  'escalationThrow',
  'serviceTask',
  'businessRuleTask',
  'scriptTask',
  'exclusiveGateway',
  'passThrough',
  'endEvent',
]);

const isSplitting = (el: ParsedElement): boolean => el.kind === 'parallelGateway' || el.kind === 'inclusiveGateway';

/** A parallel or inclusive join: several incoming flows, one outgoing. */
export function isParallelJoin(el: ParsedElement): boolean {
  return isSplitting(el) && el.incoming.length > 1 && el.outgoing.length === 1;
}

/** A parallel or inclusive fork: at most one incoming flow, several outgoing. */
export function isParallelFork(el: ParsedElement): boolean {
  return isSplitting(el) && el.incoming.length <= 1 && el.outgoing.length > 1;
}

/**
 * Assigns every reachable element to the scope its token lives in, and checks the structured subset:
 * each fork has one join that receives exactly its branches (or none, when every branch ends in end events),
 * branches and reminder paths stay inside their scope, and no none end event consumes a branch a join waits for.
 */
export function analyzeStructure(p: ParsedProcess): Structure {
  const byId = new Map(p.elements.map((e) => [e.id, e]));
  const flowById = new Map<string, ParsedFlow>(p.flows.map((f) => [f.id, f]));
  const boundaries = new Map<string, BoundaryElement[]>();
  for (const el of p.elements) {
    if (isBoundary(el)) boundaries.set(el.attachedTo, [...(boundaries.get(el.attachedTo) ?? []), el]);
  }
  const root: RootScope = { kind: 'root', id: 'root' };
  const structure: Structure = {
    root,
    scopeOf: new Map(),
    blocks: new Map(),
    paths: new Map(),
    subs: new Map(),
    countedJoins: new Map(),
    nesting: new Map(),
    issues: [],
    warnings: [],
  };
  const depth = new Map<Scope, number>([[root, 0]]);
  const issue = (elementId: string, message: string): void => {
    if (!structure.issues.some((i) => i.elementId === elementId && i.message === message)) structure.issues.push({ elementId, message });
  };
  const warn = (elementId: string, message: string): void => {
    if (!structure.warnings.some((i) => i.elementId === elementId && i.message === message)) structure.warnings.push({ elementId, message });
  };
  const describe = (scope: Scope): string =>
    scope.kind === 'root'
      ? 'the main flow'
      : scope.kind === 'region'
        ? `branch ${scope.flowId} of parallel fork ${scope.forkId}`
        : scope.kind === 'sub'
          ? `sub-process ${scope.subProcessId}`
          : `the path of non-interrupting boundary event ${scope.boundaryId}`;
  const startsIn = (parent: string | undefined): ParsedElement[] => p.elements.filter((e) => e.type === 'bpmn:StartEvent' && e.parent === parent);

  const walk = (id: string, scope: Scope): void => {
    const el = byId.get(id);
    if (!el) return;
    const existing = structure.scopeOf.get(id);
    if (existing) {
      if (existing !== scope) {
        issue(id, `is reached from ${describe(existing)} and from ${describe(scope)}; flows may not cross parallel branches or boundary paths`);
      }
      return;
    }
    structure.scopeOf.set(id, scope);
    if (scope.kind === 'path' && !PATH_KINDS.has(el.kind)) {
      issue(
        id,
        `${el.type} cannot be on ${describe(scope)}: such a path may only run service tasks, business rule tasks and exclusive gateways and must end in an end event`,
      );
    }
    if (el.kind === 'endEvent' && scope.kind === 'region') {
      if (el.terminate || el.errorCode !== undefined) scope.leaves = true;
      else scope.ends.push(el.id);
    }
    if (isParallelFork(el)) {
      forkBlock(el, scope);
      return;
    }
    if (el.kind === 'subProcess') {
      const sub: SubScope = { kind: 'sub', id: `${el.id}/sub`, subProcessId: el.id };
      structure.subs.set(el.id, sub);
      depth.set(sub, (depth.get(scope) ?? 0) + 1);
      structure.nesting.set(el.id, depth.get(sub) as number);
      for (const start of startsIn(el.id)) walk(start.id, sub);
      eventSubs(el.id, sub);
    }
    for (const boundary of boundaries.get(id) ?? []) {
      if (boundary.interrupting) {
        walk(boundary.id, scope);
      } else {
        const path: PathScope = { kind: 'path', id: `${boundary.id}/path`, boundaryId: boundary.id };
        structure.paths.set(boundary.id, path);
        depth.set(path, (depth.get(scope) ?? 0) + 1);
        structure.nesting.set(boundary.id, depth.get(path) as number);
        walk(boundary.id, path);
      }
    }
    for (const flowId of el.outgoing) follow(flowId, scope, el);
  };

  const follow = (flowId: string, scope: Scope, source: ParsedElement): void => {
    const target = byId.get(flowById.get(flowId)?.target ?? '');
    // A flow across a sub-process border is reported by validation; following it would only add follow-on errors.
    if (!target || target.parent !== source.parent) return;
    if (isParallelJoin(target)) {
      if (scope.kind === 'region') scope.reached.push({ flowId, joinId: target.id });
      else arriveOutsideBlock(target, flowId, scope);
      return;
    }
    walk(target.id, scope);
  };

  // Tokens reaching parallel joins from outside fork branches, settled once every block has claimed its join.
  const outside = new Map<string, Array<{ flowId: string; scope: Scope }>>();
  const blockJoins = new Set<string>();
  const arriveOutsideBlock = (join: ParsedElement, flowId: string, scope: Scope): void => {
    outside.set(join.id, [...(outside.get(join.id) ?? []), { flowId, scope }]);
    // The first token of the owner's own flow walks on; what follows the join runs in the owner's scope.
    if (join.kind === 'parallelGateway' && scope.kind !== 'path') walkOn(join, scope);
  };
  /** The scope a token continues in after a join: a reminder path's token belongs to the scope of its activity. */
  const ownerOf = (scope: Scope): Scope =>
    scope.kind === 'path' ? (structure.scopeOf.get((byId.get(scope.boundaryId) as BoundaryElement).attachedTo) ?? scope) : scope;
  // A refused join still leads on, so what follows it is not also reported as unreachable (which may reach more joins).
  const walkOn = (join: ParsedElement, scope: Scope): void => {
    if (structure.scopeOf.has(join.id)) return;
    structure.scopeOf.set(join.id, scope);
    for (const next of join.outgoing) follow(next, scope, join);
  };
  const settled = new Set<string>();
  const settleOutsideJoins = (): void => {
    for (const [joinId, arrivals] of [...outside].filter(([id]) => !settled.has(id))) {
      settled.add(joinId);
      const join = byId.get(joinId) as ParsedElement;
      walkOn(join, ownerOf(arrivals[0].scope));
      if (blockJoins.has(joinId) || join.kind !== 'parallelGateway') {
        const what = join.kind === 'parallelGateway' ? 'parallel' : 'inclusive';
        issue(joinId, `${what} join is reached from ${describe(arrivals[0].scope)}, not from the branches of a ${what} fork`);
        continue;
      }
      const owners = [...new Set(arrivals.map((a) => ownerOf(a.scope)))];
      if (owners.length > 1) {
        issue(joinId, `parallel join is reached from ${owners.map(describe).join(' and from ')}; tokens can only meet at a join in one scope`);
        continue;
      }
      const owner = owners[0];
      if (!arrivals.some((a) => a.scope === owner)) {
        issue(joinId, `parallel join is reached only from ${describe(arrivals[0].scope)}; ${describe(owner)} must reach it too, to go on after it`);
        continue;
      }
      structure.countedJoins.set(joinId, { joinId, owner, arrivals });
      warn(
        joinId,
        arrivals.some((a) => a.scope.kind === 'path')
          ? `parallel join outside a fork/join block: the token of ${describe(owner)} goes on once every incoming flow (the paths of non-interrupting boundary events included) has brought a token, and waits at the join until then`
          : `only ${describe(owner)} reaches this parallel join, one token at a time: a token that reaches it waits forever for the other incoming flows (the instance stays at the join until cancelled)`,
      );
    }
  };

  const forkBlock = (fork: ParsedElement, scope: Scope): void => {
    const regions: RegionScope[] = fork.outgoing.map((flowId) => ({
      kind: 'region',
      id: `${fork.id}/${flowId}`,
      forkId: fork.id,
      flowId,
      reached: [],
      ends: [],
      leaves: false,
    }));
    const level = (depth.get(scope) ?? 0) + 1;
    structure.nesting.set(fork.id, level);
    for (const region of regions) depth.set(region, level);
    for (const region of regions) follow(region.flowId, region, fork);
    const joinIds = [...new Set(regions.flatMap((r) => r.reached.map((x) => x.joinId)))];
    if (joinIds.length === 0) {
      // No join: every branch ends in end events, and the fork's own scope ends once all of them have.
      structure.blocks.set(fork.id, { forkId: fork.id, regions });
      if (scope.kind === 'region') {
        scope.ends.push(...regions.flatMap((r) => r.ends));
        scope.leaves ||= regions.some((r) => r.leaves);
      }
      return;
    }
    if (joinIds.length > 1) {
      issue(
        fork.id,
        `branches of this parallel fork reach different joins (${joinIds.join(', ')}); every fork needs one join that receives exactly its branches`,
      );
      return;
    }
    const join = byId.get(joinIds[0]) as ParsedElement;
    blockJoins.add(join.id);
    let balanced = true;
    if (join.kind !== fork.kind) {
      balanced = false;
      const what = fork.kind === 'inclusiveGateway' ? 'inclusive' : 'parallel';
      issue(join.id, `is the join of ${what} fork ${fork.id}; it must be ${what === 'inclusive' ? 'an' : 'a'} ${what} gateway too`);
    }
    for (const region of regions) {
      // An inclusive join waits only for tokens that can still arrive; a parallel one waits for every branch (BPMN).
      for (const end of fork.kind === 'parallelGateway' ? region.ends : []) {
        warn(
          end,
          `when ${describe(region)} ends here, join ${join.id} waits forever for it: the instance stays at the join until cancelled (route the branch to the join, or use a terminate or error end event, if that is not meant)`,
        );
      }
      if (region.reached.length === 1 || (region.reached.length === 0 && (region.ends.length > 0 || region.leaves))) continue;
      balanced = false;
      issue(
        fork.id,
        region.reached.length === 0
          ? `branch ${region.flowId} never reaches join ${join.id}`
          : `branch ${region.flowId} reaches join ${join.id} more than once; merge its paths with an exclusive gateway first`,
      );
    }
    const received = new Set(regions.flatMap((r) => r.reached.map((x) => x.flowId)));
    const foreign = join.incoming.filter((f) => !received.has(f));
    if (foreign.length) {
      balanced = false;
      issue(join.id, `parallel join receives ${foreign.join(', ')}, which do not come from the branches of fork ${fork.id}`);
    }
    if (balanced) structure.blocks.set(fork.id, { forkId: fork.id, joinId: join.id, regions });
    if (structure.scopeOf.has(join.id)) {
      issue(join.id, `is the join of parallel fork ${fork.id} but is also reached elsewhere`);
      return;
    }
    // Walked even when the block is malformed, so what follows the join is not also reported as unreachable.
    structure.scopeOf.set(join.id, scope);
    for (const flowId of join.outgoing) follow(flowId, scope, join);
  };

  // The event sub-processes of a process or sub-process: each holds its own flow, armed while that scope runs.
  const eventSubs = (container: string | undefined, scope: Scope): void => {
    for (const esp of p.elements.filter((e) => e.kind === 'eventSubProcess' && e.parent === container)) {
      structure.scopeOf.set(esp.id, scope);
      const sub: SubScope = { kind: 'sub', id: `${esp.id}/sub`, subProcessId: esp.id };
      structure.subs.set(esp.id, sub);
      depth.set(sub, (depth.get(scope) ?? 0) + 1);
      structure.nesting.set(esp.id, depth.get(sub) as number);
      for (const start of startsIn(esp.id)) walk(start.id, sub);
    }
  };

  // Unsupported start events are walked too, so their successors are not also reported as unreachable.
  for (const el of startsIn(undefined)) walk(el.id, root);
  eventSubs(undefined, root);
  while (outside.size > settled.size) settleOutsideJoins();
  return structure;
}
