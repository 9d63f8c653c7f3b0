import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { type Actor, SYSTEM_ACTOR } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { canonicalJson } from '../common/canonical-json.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { CompiledRuleSet, readRuleSetDirectory, type RuleSetDocument, type ValidationIssue } from '../engine/rules/index.js';
import {
  type ActivatedRuleSetVersionDto,
  type ActiveRuleSetDto,
  type RuleSetSummaryDto,
  type RuleSetVersionDto,
  type RuleSetVersionListItemDto,
  toFileSyncResultDto,
  toRuleSetVersionDto,
} from './dto/rule-set.dto.js';
import type { RuleSetSource, RuleSetVersionEntity } from './entities/rule-set-version.entity.js';
import { RuleSetsRepository } from './repositories/rule-sets.repository.js';
import { RulesError, RulesErrorCode } from './rules.errors.js';

/** A version that has just become active, told to the modules that store what it decides. */
export interface ActivatedRuleSet {
  key: string;
  version: number;
  actor: Actor;
  /** For the decisions re-taken because of it: `rule-set.activated:<key>@<version>`. */
  trigger: string;
}

/**
 * Re-derives what a module stored from the rule set's earlier version (AI systems re-classify on
 * the classifying rule sets), in the activation's transaction; returns how many records changed.
 */
export type ActivationListener = (m: EntityManager, activated: ActivatedRuleSet) => Promise<number>;

/** What the start-up sync did with one file of rules/. */
export interface FileSyncResult {
  file: string;
  key?: string;
  result: 'unchanged' | 'activated' | 'stored-not-activated' | 'invalid';
  version?: number;
  issues?: ValidationIssue[];
  note?: string;
}

const hashDocument = (doc: unknown) => createHash('sha256').update(canonicalJson(doc)).digest('hex');

@Injectable()
export class RuleSetsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RuleSetsService.name);
  private lastSync: FileSyncResult[] = [];
  private readonly listeners: ActivationListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly ruleSets: RuleSetsRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly outbox: OutboxService,
  ) {}

  /** Registered in `onModuleInit` by modules that store outcomes of rule sets. */
  onActivated(listener: ActivationListener): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.lastSync = await this.syncFromFiles(this.config.get('rulesDir', { infer: true }));
  }

  async list(): Promise<RuleSetSummaryDto[]> {
    const rows = await this.ruleSets.list(this.db.manager);
    return rows.map((row) => {
      const doc = row.active_document ?? row.latest_document;
      return {
        key: row.key,
        kind: doc.kind,
        title: doc.title,
        description: doc.description,
        activeVersion: row.active_version ?? null,
        latestVersion: Number(row.latest_version),
        activeSource: row.active_source ?? null,
      };
    });
  }

  /** The active version with its document, plus what the last start-up sync did with the key's file. */
  async getActive(key: string): Promise<ActiveRuleSetDto> {
    const active = await this.ruleSets.activeVersion(this.db.manager, key);
    if (active === undefined) throw new RulesError(RulesErrorCode.RuleSetNotFound, `No rule set "${key}"`);
    if (active === null) throw new RulesError(RulesErrorCode.NoActiveVersion, `Rule set "${key}" has no active version`);
    const version = await this.getVersion(key, active);
    const fileSync = this.lastSync.find((s) => s.key === key);
    return { ...version, active: true, fileSync: fileSync ? toFileSyncResultDto(fileSync) : null };
  }

  async listVersions(key: string, query: PageQueryDto): Promise<Page<RuleSetVersionListItemDto>> {
    const [items, total] = await this.ruleSets.listVersions(this.db.manager, key, query.limit, query.offset);
    if (total === 0) throw new RulesError(RulesErrorCode.RuleSetNotFound, `No rule set "${key}"`);
    const active = await this.activeVersionOrNull(key);
    return page(
      items.map((item) => ({ ...toRuleSetVersionDto(item), active: item.version === active })),
      total,
      query,
    );
  }

  async getVersion(key: string, version: number): Promise<RuleSetVersionDto> {
    const row = await this.ruleSets.version(this.db.manager, key, version);
    if (!row) throw new RulesError(RulesErrorCode.VersionNotFound, `Rule set "${key}" has no version ${version}`);
    return toRuleSetVersionDto(row);
  }

  /** A new draft version through the API: validated, stored, not active until activated. */
  async createVersion(key: string, body: unknown, actor: Actor): Promise<RuleSetVersionDto> {
    const issues = await CompiledRuleSet.check(body);
    const bodyKey = (body as { key?: unknown } | null)?.key;
    if (typeof bodyKey === 'string' && bodyKey !== key) issues.push({ pointer: '/key', message: `must be "${key}", the key in the path` });
    if (issues.length) throw new RulesError(RulesErrorCode.InvalidRuleSet, `The rule set document is invalid (${issues.length} issue(s))`, issues);
    return this.db.transaction(async (m) => {
      const created = await this.insertVersion(m, body as RuleSetDocument, 'api', null, actor);
      await this.audit.append(m, actor, {
        action: 'rule-set.version-created',
        subjectType: 'rule-set',
        subjectId: key,
        after: { version: created.version, source: 'api' },
      });
      return toRuleSetVersionDto(created);
    });
  }

  /**
   * Makes a version the one that decides (activating an older one is the rollback). Systems'
   * stored classification and controls are re-derived in the same transaction when the rule set
   * feeds them, so the register and the Statement of Applicability follow the active rules.
   */
  async activate(key: string, version: number, actor: Actor): Promise<ActivatedRuleSetVersionDto> {
    return this.db.transaction(async (m) => {
      const target = await this.activateIn(m, key, version, actor);
      const reclassifiedSystems = await this.announceActivation(m, key, version, actor);
      return { ...toRuleSetVersionDto(target), reclassifiedSystems };
    });
  }

  private async activateIn(m: EntityManager, key: string, version: number, actor: Actor): Promise<RuleSetVersionEntity> {
    await this.ruleSets.lockKey(m, key);
    const target = await this.ruleSets.version(m, key, version);
    if (!target) throw new RulesError(RulesErrorCode.VersionNotFound, `Rule set "${key}" has no version ${version}`);
    const previous = await this.activeVersionOrNull(key, m);
    const now = this.clock.now();
    await this.ruleSets.activate(m, key, version, now, actor.subject);
    target.activatedAt = now;
    target.activatedBy = actor.subject;
    await this.audit.append(m, actor, {
      action: 'rule-set.activated',
      subjectType: 'rule-set',
      subjectId: key,
      before: { activeVersion: previous },
      after: { activeVersion: version, source: target.source },
    });
    await this.outbox.publish(m, {
      type: 'rule-set.activated',
      subject: { type: 'rule-set', id: key },
      data: { key, version, previousVersion: previous, source: target.source },
    });
    return target;
  }

  private async announceActivation(m: EntityManager, key: string, version: number, actor: Actor): Promise<number> {
    let changed = 0;
    for (const listener of this.listeners) changed += await listener(m, { key, version, actor, trigger: `rule-set.activated:${key}@${version}` });
    return changed;
  }

  /**
   * Start-up sync of rules/ (precedence, see docs/rules.md): a valid file whose content differs
   * from every stored version becomes a new version (source `file`) and is activated unless the
   * active version was created through the API, which a file never silently replaces. An invalid
   * file is reported with its JSON pointers and never activated. Start-up fails only when a rule
   * set of the folder would be left with no active version.
   */
  async syncFromFiles(dir: string): Promise<FileSyncResult[]> {
    const files = await readRuleSetDirectory(dir);
    const results = await this.db.transaction(async (m) => {
      await this.ruleSets.lockSync(m);
      const out: FileSyncResult[] = [];
      for (const file of files) out.push(await this.syncFile(m, path.relative(path.dirname(dir), file.file), file.document, file.issues));
      return out;
    });
    for (const r of results) {
      if (r.result === 'invalid') {
        for (const issue of r.issues ?? []) this.logger.error(`${r.file}: ${issue.pointer || '(document)'} ${issue.message}`);
      } else if (r.result !== 'unchanged') {
        this.logger.log(`${r.file}: ${r.result} as version ${r.version}${r.note ? ` (${r.note})` : ''}`);
      }
    }
    const withoutActive: string[] = [];
    for (const r of results) {
      const key = r.key ?? path.basename(r.file, '.json');
      if ((await this.activeVersionOrNull(key)) === null) withoutActive.push(`${key} (${r.file})`);
    }
    if (withoutActive.length) {
      throw new Error(`rule sets without any valid version: ${withoutActive.join(', ')}; see the errors above for each file and JSON pointer`);
    }
    return results;
  }

  private async syncFile(m: EntityManager, file: string, document: unknown, issues: ValidationIssue[]): Promise<FileSyncResult> {
    const key = typeof (document as { key?: unknown })?.key === 'string' ? (document as { key: string }).key : undefined;
    if (issues.length || !key) return { file, key, result: 'invalid', issues };
    const hash = hashDocument(document);
    const known = await this.ruleSets.versionWithContent(m, key, hash);
    if (known !== undefined) return { file, key, result: 'unchanged', version: known };
    const created = await this.insertVersion(m, document as RuleSetDocument, 'file', file, SYSTEM_ACTOR, hash);
    const active = await this.ruleSets.activeWithSource(m, key);
    if (active?.source === 'api') {
      return {
        file,
        key,
        result: 'stored-not-activated',
        version: created.version,
        note: `version ${active.version}, created through the API, stays active; activate ${created.version} to use the file`,
      };
    }
    await this.activateIn(m, key, created.version, SYSTEM_ACTOR);
    // The first version of a key has nothing stored from an earlier one to re-derive.
    if (active) await this.announceActivation(m, key, created.version, SYSTEM_ACTOR);
    return { file, key, result: 'activated', version: created.version };
  }

  private async insertVersion(
    m: EntityManager,
    document: RuleSetDocument,
    source: RuleSetSource,
    sourceFile: string | null,
    actor: Actor,
    contentHash = hashDocument(document),
  ): Promise<RuleSetVersionEntity> {
    await this.ruleSets.lockKey(m, document.key);
    return this.ruleSets.insertVersion(m, { document, contentHash, source, sourceFile, createdBy: actor.subject, createdAt: this.clock.now() });
  }

  /** Keys with an active version (what a process definition may name in a business rule task). */
  activeKeys(m: EntityManager): Promise<string[]> {
    return this.ruleSets.activeKeys(m);
  }

  private async activeVersionOrNull(key: string, m: EntityManager = this.db.manager): Promise<number | null> {
    return (await this.ruleSets.activeVersion(m, key)) ?? null;
  }
}
