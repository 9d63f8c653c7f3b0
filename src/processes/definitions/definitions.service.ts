import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import { type Actor, SYSTEM_ACTOR } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../../common/pagination.js';
import { FormRegistry } from '../../common/form-registry.js';
import { PeopleDirectory } from '../../common/people-directory.js';
import { RoleUsages } from '../../common/role-usages.js';
import type { AppConfig } from '../../config/app-config.js';
import { Database } from '../../database/database.js';
import {
  type CompiledProcess,
  compileProcess,
  type DefinitionIssue,
  type ParsedProcess,
  parseProcesses,
  type StartPolicy,
  ProcessParseError,
  resolveTimer,
  type StartEventInfo,
  type TimerSchedule,
  definitionWarnings,
  validateDefinition,
} from '../../engine/process/index.js';
import { RuleSetsService } from '../../rules/rule-sets.service.js';
import {
  type DeployedDefinitionDto,
  type ProcessDefinitionDetailDto,
  type ProcessDefinitionDto,
  toDefinitionVersionSummaryDto,
  toProcessDefinitionDto,
} from '../dto/definition.dto.js';
import type { DefinitionSource, ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import { HandlerRegistry } from '../handlers/handler-registry.js';
import { type DefinitionProblem, engineCall, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessDefinitionsRepository } from '../repositories/process-definitions.repository.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { ProcessMessagesRepository } from '../repositories/process-messages.repository.js';
import { DefinitionCache } from './definition-cache.js';
import { rolesNamedBy } from './definition-roles.js';

/**
 * Issues become problem entries pointing at the element (`/elements/<id>`: ids are unique in the whole file), or at the
 * document (`/`); those of a process name it, unless they name an element outside it (a message of the document).
 */
function toProblems(issues: DefinitionIssue[], process?: ParsedProcess): DefinitionProblem[] {
  const own = process && new Set([process.key, ...process.elements.map((e) => e.id), ...process.flows.map((f) => f.id)]);
  return issues.map((issue) => {
    const processId = own && (!issue.elementId || own.has(issue.elementId)) ? { processId: process.key } : {};
    return issue.elementId
      ? { pointer: `/elements/${issue.elementId}`, elementId: issue.elementId, ...processId, message: issue.message }
      : { pointer: '/', ...processId, message: issue.message };
  });
}

/** One process of a file after its checks: the version stored with this content already, or what storing it needs, or its problems. */
interface CheckedProcess {
  parsed: ParsedProcess;
  existing?: ProcessDefinitionEntity;
  ready?: ReadyProcess;
  problems: DefinitionProblem[];
}

interface ReadyProcess {
  compiled: CompiledProcess;
  startTimers: Array<{ id: string; schedule: TimerSchedule }>;
}

@Injectable()
export class DefinitionsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DefinitionsService.name);

  constructor(
    private readonly db: Database,
    private readonly repository: ProcessDefinitionsRepository,
    private readonly cache: DefinitionCache,
    private readonly handlers: HandlerRegistry,
    private readonly jobs: ProcessJobsRepository,
    private readonly messages: ProcessMessagesRepository,
    private readonly ruleSets: RuleSetsService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly people: PeopleDirectory,
    private readonly roleUsages: RoleUsages,
    private readonly forms: FormRegistry,
  ) {}

  /** Every stored version counts (instances of any version may still open tasks), so a role they name stays defined. */
  onModuleInit(): void {
    this.roleUsages.register({ describe: 'process definitions', usages: (role) => this.namingRole(role) });
  }

  private async namingRole(role: string): Promise<string[]> {
    const usages: string[] = [];
    for (const version of await this.repository.allVersions(this.db.manager)) {
      const compiled = await this.cache.get(this.db.manager, version.id);
      for (const named of rolesNamedBy({ ...compiled, elements: Object.values(compiled.elements) })) {
        if (named.role === role) usages.push(`${version.key} v${version.version} ${named.via} of ${named.elementId}`);
      }
    }
    return usages;
  }

  /** Runs after the rules module's own start-up sync (it is imported, so it bootstraps first): rule sets are known. */
  async onApplicationBootstrap(): Promise<void> {
    await this.deployFolder(this.config.get('processesDir', { infer: true }));
  }

  /**
   * Deploys every `*.bpmn` of the folder like POST /process-definitions: a new version only when
   * the content changed. These are the product's own lifecycles, so an invalid file stops start-up.
   */
  async deployFolder(dir: string): Promise<void> {
    let files: string[];
    try {
      files = (await readdir(dir)).filter((file) => file.endsWith('.bpmn')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.logger.warn(`no process folder at ${dir}: no definitions deployed from files`);
      return;
    }
    const failures: string[] = [];
    for (const file of files) {
      const sourceFile = path.join(path.basename(dir), file);
      try {
        const deployed = await this.deploy(await readFile(path.join(dir, file), 'utf8'), SYSTEM_ACTOR, 'file', sourceFile);
        for (const d of [deployed, ...deployed.deployedWith]) {
          if (!d.created) continue;
          this.logger.log(`${sourceFile}: deployed ${d.key} version ${d.version}`);
          // What an API client reads in the response (a rule set or form not deployed yet, among others) goes to the log.
          for (const w of d.warnings) this.logger.warn(`${sourceFile}: ${w.elementId ?? d.key}: ${w.message}`);
        }
      } catch (error) {
        if (!(error instanceof ProcessError)) throw error;
        const problems = error.errors as DefinitionProblem[];
        const line = (p: DefinitionProblem): string => `${p.elementId ?? '(document)'}: ${p.message}${p.processId ? ` (process ${p.processId})` : ''}`;
        failures.push(`${sourceFile}: ${problems.length ? problems.map(line).join('; ') : error.message}`);
      }
    }
    if (failures.length) throw new Error(`invalid process definitions in ${dir}:\n  ${failures.join('\n  ')}`);
  }

  /**
   * Parses and validates; stores a new immutable version unless the same content exists already (`created: false`).
   * A file with several executable processes deploys each as a definition of its own, all or none in one transaction;
   * the answer is the first one's, with the others in `deployedWith`.
   */
  async deploy(body: unknown, actor: Actor, source: DefinitionSource = 'api', sourceFile: string | null = null): Promise<DeployedDefinitionDto> {
    if (typeof body !== 'string' || !body.trim()) {
      throw new ProcessError(ProcessErrorCode.NotBpmnXml, 'Send the BPMN 2.0 XML as the request body, with Content-Type: application/xml');
    }
    const xml = body.replace(/\r\n?/g, '\n');
    const processes = await this.parse(xml);
    const contentHash = createHash('sha256').update(xml).digest('hex');
    return this.db.transaction(async (m) => {
      // In key order, so two files holding the same processes cannot wait for each other.
      for (const key of processes.map((p) => p.key).sort()) await this.repository.lockKey(m, key);
      const checked: CheckedProcess[] = [];
      for (const parsed of processes) checked.push(await this.check(m, parsed, contentHash));
      const problems = checked.flatMap((c) => c.problems);
      if (problems.length) throw this.refusal(checked, problems);
      const file = { xml, contentHash, source, sourceFile, actor };
      const warnings = await this.warningsOf(m, processes);
      const deployed: Array<{ definition: ProcessDefinitionEntity; created: boolean; warnings: DefinitionIssue[] }> = [];
      for (const [i, c] of checked.entries()) {
        // Without problems, each process is either stored with this content already or ready to store.
        const definition = c.existing ?? (await this.store(m, c.parsed, c.ready as ReadyProcess, file));
        deployed.push({ definition, created: !c.existing, warnings: warnings[i] });
      }
      const [first, ...others] = deployed;
      return {
        ...toProcessDefinitionDto(first.definition),
        created: first.created,
        warnings: first.warnings,
        deployedWith: others.map(({ definition: d, created, warnings }) => ({ id: d.id, key: d.key, version: d.version, name: d.name, created, warnings })),
      };
    });
  }

  /** What stands in the way of storing one process of the file (nothing when the same content is stored already). */
  private async check(m: EntityManager, parsed: ParsedProcess, contentHash: string): Promise<CheckedProcess> {
    const existing = await this.repository.withContent(m, parsed.key, contentHash);
    if (existing) return { parsed, existing, problems: [] };
    const issues = validateDefinition(parsed, { knownHandlers: this.handlers.names() });
    const named = rolesNamedBy(parsed);
    const undefinedRoles = new Set(await this.people.undefinedRoles([...new Set(named.map((n) => n.role))]));
    for (const n of named.filter((n) => undefinedRoles.has(n.role))) {
      issues.push({ elementId: n.elementId, message: `${n.via} names "${n.written}", which is no defined role (GET /roles lists them)` });
    }
    if (issues.length) return { parsed, problems: toProblems(issues, parsed) };
    const compiled = compileProcess(parsed, { knownHandlers: this.handlers.names() });
    const startTimers: ReadyProcess['startTimers'] = [];
    const now = this.clock.now();
    const problems: DefinitionProblem[] = [];
    // Timer start events are scheduled on deployment; one that cannot be resolved (FEEL over no variables) fails it.
    for (const start of compiled.startEvents) {
      if (start.kind !== 'timer' || !start.timer) continue;
      try {
        startTimers.push({ id: start.id, schedule: await engineCall(() => resolveTimer(start.timer!, {}, now, start.id)) });
      } catch (error) {
        if (!(error instanceof ProcessError)) throw error;
        problems.push(...toProblems([{ elementId: start.id, message: error.message }], parsed));
      }
    }
    return { parsed, ready: { compiled, startTimers }, problems };
  }

  /**
   * The warnings of each process of a file, looking up once what its tasks link: rule sets and linked forms are
   * resolved when an instance reaches their task, so one missing now is only a warning.
   */
  private async warningsOf(m: EntityManager, processes: ParsedProcess[]): Promise<DefinitionIssue[][]> {
    const linkedForms = processes.flatMap((p) =>
      p.elements.flatMap((e) => (e.kind === 'userTask' && e.camundaForm?.kind === 'linked' ? [e.camundaForm.formId] : [])),
    );
    const known = {
      knownHandlers: this.handlers.names(),
      knownRuleSets: new Set(await this.ruleSets.activeKeys(m)),
      knownForms: new Set((await this.forms.latest(m, [...new Set(linkedForms)])).keys()),
    };
    return processes.map((p) => definitionWarnings(p, known));
  }

  /** Nothing is stored: the message names the processes at fault when the file holds several. */
  private refusal(checked: CheckedProcess[], problems: DefinitionProblem[]): ProcessError {
    const atFault = checked.filter((c) => c.problems.length).map((c) => `"${c.parsed.key}"`);
    const message =
      checked.length === 1
        ? `The process definition is not valid (${problems.length} issue(s)); nothing was stored`
        : `Process ${atFault.join(', ')} of the file ${atFault.length === 1 ? 'is' : 'are'} not valid (${problems.length} issue(s)); none of its ${checked.length} processes was stored`;
    return new ProcessError(ProcessErrorCode.InvalidDefinition, message, problems);
  }

  /** Stores the next version of a checked process, as if it were deployed alone: its start timers, buffered messages, audit event. */
  private async store(
    m: EntityManager,
    parsed: ParsedProcess,
    { compiled, startTimers }: ReadyProcess,
    file: { xml: string; contentHash: string; source: DefinitionSource; sourceFile: string | null; actor: Actor },
  ): Promise<ProcessDefinitionEntity> {
    const now = this.clock.now();
    const { xml, contentHash, source, sourceFile, actor } = file;
    const definition = await this.repository.insertNextVersion(m, {
      key: parsed.key,
      name: parsed.name ?? null,
      documentation: parsed.documentation ?? null,
      xml,
      contentHash,
      uniquePerSubject: parsed.uniquePerSubject,
      startEvents: compiled.startEvents,
      source,
      sourceFile,
      deployedBy: actor.subject,
      deployedAt: now,
    });
    this.cache.put(definition.id, compiled);
    await this.jobs.cancelStartTimers(m, definition.key, now);
    for (const timer of startTimers) await this.jobs.addStartTimer(m, definition.id, timer.id, timer.schedule, now);
    await this.startOnBufferedMessages(m, definition, now);
    await this.audit.append(m, actor, {
      action: 'process-definition.deployed',
      subjectType: 'process-definition',
      subjectId: definition.key,
      after: { version: definition.version, source, sourceFile, contentHash },
    });
    return definition;
  }

  /**
   * A message start event subscribes when its definition is deployed: buffered messages of its name that nobody took
   * yet start an instance each, through a start job the job runner fires right after this commits (like a start retry).
   */
  private async startOnBufferedMessages(m: EntityManager, definition: ProcessDefinitionEntity, now: Date): Promise<void> {
    for (const start of definition.startEvents) {
      if (start.kind !== 'message' || !start.messageName) continue;
      const entry = { definitionKey: definition.key, definitionVersion: definition.version, status: 'started' };
      for (const message of await this.messages.takeForStart(m, start.messageName, now, entry)) {
        const payload = {
          name: message.name,
          correlationKey: message.correlation_key,
          variables: message.variables,
          messageRowId: message.id,
          subject: { type: 'message', id: message.correlation_key ?? message.name },
          actor: { subject: message.sent_by, roles: [] },
        };
        await this.jobs.addMessageStart(m, definition.id, start.id, payload, now);
      }
    }
  }

  /** The external job types of the latest version of every definition (service tasks whose type names no built-in handler), by type. */
  async externalJobTypes(m: EntityManager): Promise<Map<string, string[]>> {
    const types = new Map<string, string[]>();
    for (const { id, key } of await this.repository.latestIds(m)) {
      const compiled = await this.cache.get(m, id);
      for (const el of Object.values(compiled.elements)) {
        if (el.kind !== 'serviceTask' || !el.external || !el.jobType) continue;
        const keys = types.get(el.jobType) ?? [];
        if (!keys.includes(key)) types.set(el.jobType, [...keys, key]);
      }
    }
    return types;
  }

  /** The latest version of every definition, by key. */
  async list(query: PageQueryDto): Promise<Page<ProcessDefinitionDto>> {
    const [items, total] = await this.repository.listLatest(this.db.manager, query.limit, query.offset);
    return page(items.map(toProcessDefinitionDto), total, query);
  }

  /** The latest version, with every version's summary (newest first). */
  async get(key: string): Promise<ProcessDefinitionDetailDto> {
    const latest = await this.resolve(this.db.manager, key);
    const versions = await this.repository.versions(this.db.manager, key);
    return { ...toProcessDefinitionDto(latest), versions: versions.map(toDefinitionVersionSummaryDto) };
  }

  async xml(key: string, version: number): Promise<string> {
    const xml = await this.repository.xml(this.db.manager, key, version);
    if (xml === undefined) throw new ProcessError(ProcessErrorCode.DefinitionVersionNotFound, `Process definition "${key}" has no version ${version}`);
    return xml;
  }

  /** A version of a definition (default: the latest). */
  async resolve(m: EntityManager, key: string, version?: number): Promise<ProcessDefinitionEntity> {
    const found = await this.repository.find(m, key, version);
    if (found) return found;
    if (version !== undefined && (await this.repository.exists(m, key))) {
      throw new ProcessError(ProcessErrorCode.DefinitionVersionNotFound, `Process definition "${key}" has no version ${version}`);
    }
    throw new ProcessError(ProcessErrorCode.DefinitionNotFound, `No process definition "${key}"`);
  }

  async byId(m: EntityManager, id: string): Promise<ProcessDefinitionEntity> {
    const found = await this.repository.byId(m, id);
    if (!found) throw new ProcessError(ProcessErrorCode.DefinitionNotFound, `No process definition version with id ${id}`);
    return found;
  }

  /** Who may start the version (default: the latest) through the API; undefined: every role that may start processes. */
  async startPolicy(m: EntityManager, key: string, version?: number): Promise<StartPolicy | undefined> {
    const definition = await this.resolve(m, key, version);
    return (await this.cache.get(m, definition.id)).startableBy;
  }

  /** Whether a definition of this key has been deployed (a folder override may hold none). */
  isDeployed(m: EntityManager, key: string): Promise<boolean> {
    return this.repository.exists(m, key);
  }

  /** Whether the version is the latest of its key. */
  isLatest(m: EntityManager, id: string): Promise<boolean> {
    return this.repository.isLatest(m, id);
  }

  /** The latest version of each definition with a message start event of this name, and that event. */
  async withMessageStart(m: EntityManager, messageName: string): Promise<Array<{ definition: ProcessDefinitionEntity; startEventId: string }>> {
    const definitions = await this.repository.withMessageStart(m, messageName);
    return definitions.map((definition) => {
      const start = definition.startEvents.find((s) => s.kind === 'message' && s.messageName === messageName) as StartEventInfo;
      return { definition, startEventId: start.id };
    });
  }

  async withSignalStart(m: EntityManager, signalName: string): Promise<Array<{ definition: ProcessDefinitionEntity; startEventId: string }>> {
    const definitions = await this.repository.withSignalStart(m, signalName);
    // Every signal start event of that name starts an instance (BPMN: a signal reaches them all).
    return definitions.flatMap((definition) =>
      definition.startEvents.filter((s) => s.kind === 'signal' && s.signalName === signalName).map((s) => ({ definition, startEventId: s.id })),
    );
  }

  private async parse(xml: string): Promise<ParsedProcess[]> {
    try {
      return await parseProcesses(xml);
    } catch (error) {
      if (error instanceof ProcessParseError) throw new ProcessError(ProcessErrorCode.InvalidBpmn, error.message, toProblems(error.issues));
      throw error;
    }
  }
}
