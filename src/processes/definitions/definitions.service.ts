import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import { type Actor, SYSTEM_ACTOR } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../../common/pagination.js';
import type { AppConfig } from '../../config/app-config.js';
import {
  compileProcess,
  type DefinitionIssue,
  type ParsedProcess,
  parseProcess,
  ProcessParseError,
  resolveTimer,
  type StartEventInfo,
  type TimerSchedule,
  validateDefinition,
} from '../../engine/process/index.js';
import { type DefinitionSource, ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import { HandlerRegistry } from '../handlers/handler-registry.js';
import { JobStore } from '../jobs/job-store.js';
import { type DefinitionProblem, engineCall, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { hydrate } from '../rows.js';
import { DefinitionCache } from './definition-cache.js';

export interface DeployResult extends ProcessDefinitionEntity {
  /** False when the same content was deployed before: the existing version is returned. */
  created: boolean;
}

export type DefinitionVersionSummary = Pick<ProcessDefinitionEntity, 'version' | 'contentHash' | 'source' | 'sourceFile' | 'deployedBy' | 'deployedAt'>;

const COLUMNS = `id, key, version, name, documentation, content_hash, unique_per_subject, start_events, source, source_file, deployed_by, deployed_at`;

/** Issues become problem entries pointing at the element (`/elements/<id>`), or at the document (`/`). */
function toProblems(issues: DefinitionIssue[]): DefinitionProblem[] {
  return issues.map((issue) =>
    issue.elementId ? { pointer: `/elements/${issue.elementId}`, elementId: issue.elementId, message: issue.message } : { pointer: '/', message: issue.message },
  );
}

@Injectable()
export class DefinitionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefinitionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: DefinitionCache,
    private readonly handlers: HandlerRegistry,
    private readonly jobs: JobStore,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

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
        if (deployed.created) this.logger.log(`${sourceFile}: deployed ${deployed.key} version ${deployed.version}`);
      } catch (error) {
        if (!(error instanceof ProcessError)) throw error;
        const problems = error.errors as DefinitionProblem[];
        failures.push(`${sourceFile}: ${problems.length ? problems.map((p) => `${p.elementId ?? '(document)'}: ${p.message}`).join('; ') : error.message}`);
      }
    }
    if (failures.length) throw new Error(`invalid process definitions in ${dir}:\n  ${failures.join('\n  ')}`);
  }

  /** Parses and validates; stores a new immutable version unless the same content exists already. */
  async deploy(body: unknown, actor: Actor, source: DefinitionSource = 'api', sourceFile: string | null = null): Promise<DeployResult> {
    if (typeof body !== 'string' || !body.trim()) {
      throw new ProcessError(ProcessErrorCode.NotBpmnXml, 'Send the BPMN 2.0 XML as the request body, with Content-Type: application/xml');
    }
    const xml = body.replace(/\r\n?/g, '\n');
    const parsed = await this.parse(xml);
    const contentHash = createHash('sha256').update(xml).digest('hex');
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.process-definition:' || $1))`, [parsed.key]);
      const [existing] = await m.query(`SELECT ${COLUMNS} FROM process_definitions WHERE key = $1 AND content_hash = $2`, [parsed.key, contentHash]);
      if (existing) return Object.assign(hydrate(m, ProcessDefinitionEntity, existing), { created: false });

      const issues = validateDefinition(parsed, { knownRuleSets: await this.activeRuleSets(m), knownHandlers: this.handlers.names() });
      if (issues.length) {
        throw new ProcessError(ProcessErrorCode.InvalidDefinition, `The process definition is not valid (${issues.length} issue(s)); nothing was stored`, toProblems(issues));
      }
      const compiled = compileProcess(parsed);
      const now = this.clock.now();
      const startTimers = await this.resolveStartTimers(compiled.startEvents, now);
      const [row] = await m.query(
        `INSERT INTO process_definitions (key, version, name, documentation, xml, content_hash, unique_per_subject, start_events, source, source_file, deployed_by, deployed_at)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM process_definitions WHERE key = $1
         RETURNING ${COLUMNS}`,
        [parsed.key, parsed.name ?? null, parsed.documentation ?? null, xml, contentHash, parsed.uniquePerSubject, JSON.stringify(compiled.startEvents), source, sourceFile, actor.subject, now],
      );
      const definition = hydrate(m, ProcessDefinitionEntity, row);
      this.cache.put(definition.id, compiled);
      await this.jobs.cancelStartTimers(m, definition.key);
      for (const timer of startTimers) await this.jobs.addStartTimer(m, definition.id, timer.id, timer.schedule);
      await this.audit.append(m, actor, {
        action: 'process-definition.deployed',
        subjectType: 'process-definition',
        subjectId: definition.key,
        after: { version: definition.version, source, sourceFile, contentHash },
      });
      return Object.assign(definition, { created: true });
    });
  }

  /** The latest version of every definition, by key. */
  async list(query: PageQueryDto): Promise<Page<ProcessDefinitionEntity>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM (SELECT DISTINCT ON (key) ${COLUMNS} FROM process_definitions ORDER BY key, version DESC) d
        ORDER BY key LIMIT $1 OFFSET $2`,
      [query.limit, query.offset],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(DISTINCT key)::int AS total FROM process_definitions`);
    return page(
      rows.map((row) => hydrate(this.dataSource.manager, ProcessDefinitionEntity, row)),
      total,
      query,
    );
  }

  /** The latest version, with every version's summary (newest first). */
  async get(key: string): Promise<ProcessDefinitionEntity & { versions: DefinitionVersionSummary[] }> {
    const latest = await this.resolve(this.dataSource.manager, key);
    const versions = await this.dataSource.getRepository(ProcessDefinitionEntity).find({
      where: { key },
      order: { version: 'DESC' },
      select: { version: true, contentHash: true, source: true, sourceFile: true, deployedBy: true, deployedAt: true },
    });
    return Object.assign(latest, { versions });
  }

  async xml(key: string, version: number): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT xml FROM process_definitions WHERE key = $1 AND version = $2`, [key, version]);
    if (!row) throw new ProcessError(ProcessErrorCode.DefinitionVersionNotFound, `Process definition "${key}" has no version ${version}`);
    return row.xml;
  }

  /** A version of a definition (default: the latest). */
  async resolve(m: EntityManager, key: string, version?: number): Promise<ProcessDefinitionEntity> {
    const [row] =
      version === undefined
        ? await m.query(`SELECT ${COLUMNS} FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`, [key])
        : await m.query(`SELECT ${COLUMNS} FROM process_definitions WHERE key = $1 AND version = $2`, [key, version]);
    if (row) return hydrate(m, ProcessDefinitionEntity, row);
    if (version !== undefined && (await m.query(`SELECT 1 FROM process_definitions WHERE key = $1 LIMIT 1`, [key])).length) {
      throw new ProcessError(ProcessErrorCode.DefinitionVersionNotFound, `Process definition "${key}" has no version ${version}`);
    }
    throw new ProcessError(ProcessErrorCode.DefinitionNotFound, `No process definition "${key}"`);
  }

  async byId(m: EntityManager, id: string): Promise<ProcessDefinitionEntity> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM process_definitions WHERE id = $1`, [id]);
    if (!row) throw new ProcessError(ProcessErrorCode.DefinitionNotFound, `No process definition version with id ${id}`);
    return hydrate(m, ProcessDefinitionEntity, row);
  }

  /** The latest version of each definition with a message start event of this name, and that event. */
  async withMessageStart(m: EntityManager, messageName: string): Promise<Array<{ definition: ProcessDefinitionEntity; startEventId: string }>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT ${COLUMNS} FROM (SELECT DISTINCT ON (key) ${COLUMNS} FROM process_definitions ORDER BY key, version DESC) d
        WHERE start_events @> jsonb_build_array(jsonb_build_object('kind', 'message', 'messageName', $1::text))
        ORDER BY key`,
      [messageName],
    );
    return rows.map((row) => {
      const definition = hydrate(m, ProcessDefinitionEntity, row);
      const start = definition.startEvents.find((s) => s.kind === 'message' && s.messageName === messageName) as StartEventInfo;
      return { definition, startEventId: start.id };
    });
  }

  private async parse(xml: string): Promise<ParsedProcess> {
    try {
      return await parseProcess(xml);
    } catch (error) {
      if (error instanceof ProcessParseError) throw new ProcessError(ProcessErrorCode.InvalidBpmn, error.message, toProblems(error.issues));
      throw error;
    }
  }

  /** Timer start events are scheduled on deployment; one that cannot be resolved (FEEL over no variables) fails it. */
  private async resolveStartTimers(starts: StartEventInfo[], now: Date): Promise<Array<{ id: string; schedule: TimerSchedule }>> {
    const out: Array<{ id: string; schedule: TimerSchedule }> = [];
    for (const start of starts) {
      if (start.kind !== 'timer' || !start.timer) continue;
      try {
        out.push({ id: start.id, schedule: await engineCall(() => resolveTimer(start.timer!, {}, now, start.id)) });
      } catch (error) {
        if (!(error instanceof ProcessError)) throw error;
        throw new ProcessError(ProcessErrorCode.InvalidDefinition, 'The process definition is not valid (1 issue(s)); nothing was stored', toProblems([{ elementId: start.id, message: error.message }]));
      }
    }
    return out;
  }

  private async activeRuleSets(m: EntityManager): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await m.query(`SELECT key FROM rule_sets WHERE active_version IS NOT NULL`);
    return new Set(rows.map((r) => r.key));
  }
}
