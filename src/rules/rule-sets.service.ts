import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { type Actor, SYSTEM_ACTOR } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { canonicalJson } from '../common/canonical-json.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import type { AppConfig } from '../config/app-config.js';
import { readRuleSetDirectory, type RuleSetDocument, type ValidationIssue, validateRuleSet } from '../engine/rules/index.js';
import { RuleSetVersionEntity, type RuleSetSource } from './entities/rule-set-version.entity.js';
import { RulesError, RulesErrorCode } from './rules.errors.js';
import { CLASSIFYING_RULE_SETS, SystemClassifier } from './system-classifier.js';

/** What the start-up sync did with one file of rules/. */
export interface FileSyncResult {
  file: string;
  key?: string;
  result: 'unchanged' | 'activated' | 'stored-not-activated' | 'invalid';
  version?: number;
  issues?: ValidationIssue[];
  note?: string;
}

export interface RuleSetSummary {
  key: string;
  kind: string;
  title: string;
  description: string;
  activeVersion: number | null;
  latestVersion: number;
  activeSource: RuleSetSource | null;
}

const hashDocument = (doc: unknown) => createHash('sha256').update(canonicalJson(doc)).digest('hex');

@Injectable()
export class RuleSetsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RuleSetsService.name);
  private lastSync: FileSyncResult[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrailService,
    private readonly classifier: SystemClassifier,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly outbox: OutboxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.lastSync = await this.syncFromFiles(this.config.get('rulesDir', { infer: true }));
  }

  async list(): Promise<RuleSetSummary[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(`
      SELECT DISTINCT ON (v.key) v.key, s.active_version, a.source AS active_source, a.document AS active_document,
             v.document AS latest_document, max(v.version) OVER (PARTITION BY v.key) AS latest_version
        FROM rule_set_versions v
        LEFT JOIN rule_sets s ON s.key = v.key
        LEFT JOIN rule_set_versions a ON a.key = v.key AND a.version = s.active_version
       ORDER BY v.key, v.version DESC`);
    return rows.map((row) => {
      const doc = (row.active_document ?? row.latest_document) as RuleSetDocument;
      return {
        key: row.key as string,
        kind: doc.kind,
        title: doc.title,
        description: doc.description,
        activeVersion: (row.active_version as number | null) ?? null,
        latestVersion: Number(row.latest_version),
        activeSource: (row.active_source as RuleSetSource | null) ?? null,
      };
    });
  }

  /** The active version with its document, plus what the last start-up sync did with the key's file. */
  async getActive(key: string) {
    const [row] = await this.dataSource.query(`SELECT active_version FROM rule_sets WHERE key = $1`, [key]);
    if (!row) throw new RulesError(RulesErrorCode.RuleSetNotFound, `No rule set "${key}"`);
    if (row.active_version === null) throw new RulesError(RulesErrorCode.NoActiveVersion, `Rule set "${key}" has no active version`);
    const version = await this.getVersion(key, row.active_version);
    return { ...version, active: true, fileSync: this.lastSync.find((s) => s.key === key) ?? null };
  }

  async listVersions(key: string, query: PageQueryDto): Promise<Page<RuleSetVersionEntity & { active: boolean }>> {
    const [items, total] = await this.dataSource
      .getRepository(RuleSetVersionEntity)
      .findAndCount({ where: { key }, order: { version: 'DESC' }, take: query.limit, skip: query.offset });
    if (total === 0) throw new RulesError(RulesErrorCode.RuleSetNotFound, `No rule set "${key}"`);
    const active = await this.activeVersionOrNull(key);
    return page(
      items.map((item) => Object.assign(item, { active: item.version === active })),
      total,
      query,
    );
  }

  async getVersion(key: string, version: number): Promise<RuleSetVersionEntity> {
    const row = await this.dataSource.getRepository(RuleSetVersionEntity).findOneBy({ key, version });
    if (!row) throw new RulesError(RulesErrorCode.VersionNotFound, `Rule set "${key}" has no version ${version}`);
    return row;
  }

  /** A new draft version through the API: validated, stored, not active until activated. */
  async createVersion(key: string, body: unknown, actor: Actor): Promise<RuleSetVersionEntity> {
    const issues = validateRuleSet(body);
    const bodyKey = (body as { key?: unknown } | null)?.key;
    if (typeof bodyKey === 'string' && bodyKey !== key) issues.push({ pointer: '/key', message: `must be "${key}", the key in the path` });
    if (issues.length) throw new RulesError(RulesErrorCode.InvalidRuleSet, `The rule set document is invalid (${issues.length} issue(s))`, issues);
    return this.dataSource.transaction(async (m) => {
      const created = await this.insertVersion(m, body as RuleSetDocument, 'api', null, actor);
      await this.audit.append(m, actor, {
        action: 'rule-set.version-created',
        subjectType: 'rule-set',
        subjectId: key,
        after: { version: created.version, source: 'api' },
      });
      return created;
    });
  }

  /**
   * Makes a version the one that decides (activating an older one is the rollback). Systems'
   * stored classification and controls are re-derived in the same transaction when the rule set
   * feeds them, so the register and the Statement of Applicability follow the active rules.
   */
  async activate(key: string, version: number, actor: Actor): Promise<RuleSetVersionEntity & { reclassifiedSystems: number }> {
    return this.dataSource.transaction(async (m) => {
      const target = await this.activateIn(m, key, version, actor);
      const reclassifiedSystems = CLASSIFYING_RULE_SETS.includes(key) ? await this.reclassifyAll(m, actor, `rule-set.activated:${key}@${version}`) : 0;
      return Object.assign(target, { reclassifiedSystems });
    });
  }

  private async activateIn(m: EntityManager, key: string, version: number, actor: Actor): Promise<RuleSetVersionEntity> {
    await this.lockKey(m, key);
    const target = await m.getRepository(RuleSetVersionEntity).findOneBy({ key, version });
    if (!target) throw new RulesError(RulesErrorCode.VersionNotFound, `Rule set "${key}" has no version ${version}`);
    const previous = await this.activeVersionOrNull(key, m);
    const now = this.clock.now();
    await m.query(
      `INSERT INTO rule_sets (key, active_version, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET active_version = $2, updated_at = $3`,
      [key, version, now],
    );
    await m.query(`UPDATE rule_set_versions SET activated_at = $3, activated_by = $4 WHERE key = $1 AND version = $2`, [key, version, now, actor.subject]);
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

  private async reclassifyAll(m: EntityManager, actor: Actor, trigger: string): Promise<number> {
    const repo = m.getRepository(AiSystemEntity);
    let count = 0;
    for (let offset = 0; ; offset += 500) {
      const systems = await repo
        .createQueryBuilder('s')
        .where(`s.status <> 'retired'`)
        .orderBy('s.id')
        .skip(offset)
        .take(500)
        .setLock('pessimistic_write')
        .getMany();
      for (const system of systems) {
        await this.classifier.classify(m, system, actor, trigger);
        await repo.update(
          { id: system.id },
          {
            riskClass: system.riskClass,
            legalBasis: system.legalBasis,
            transparencyObligations: system.transparencyObligations,
            requiredControls: system.requiredControls,
            classificationDecisionId: system.classificationDecisionId,
            controlsDecisionId: system.controlsDecisionId,
          },
        );
      }
      count += systems.length;
      if (systems.length < 500) return count;
    }
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
    const results = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.rules-sync'))`);
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
    const [known] = await m.query(`SELECT version FROM rule_set_versions WHERE key = $1 AND content_hash = $2 ORDER BY version DESC LIMIT 1`, [key, hash]);
    if (known) return { file, key, result: 'unchanged', version: known.version };
    const created = await this.insertVersion(m, document as RuleSetDocument, 'file', file, SYSTEM_ACTOR, hash);
    const [active] = await m.query(
      `SELECT v.version, v.source FROM rule_sets s JOIN rule_set_versions v ON v.key = s.key AND v.version = s.active_version WHERE s.key = $1`,
      [key],
    );
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
    if (active && CLASSIFYING_RULE_SETS.includes(key)) await this.reclassifyAll(m, SYSTEM_ACTOR, `rule-set.activated:${key}@${created.version}`);
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
    await this.lockKey(m, document.key);
    const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM rule_set_versions WHERE key = $1`, [document.key]);
    const repo = m.getRepository(RuleSetVersionEntity);
    const row = repo.create({ key: document.key, version: next, document, contentHash, source, sourceFile, createdBy: actor.subject, createdAt: this.clock.now() });
    return repo.save(row);
  }

  private lockKey(m: EntityManager, key: string): Promise<unknown> {
    return m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.rule-set:' || $1))`, [key]);
  }

  private async activeVersionOrNull(key: string, m: EntityManager = this.dataSource.manager): Promise<number | null> {
    const [row] = await m.query(`SELECT active_version FROM rule_sets WHERE key = $1`, [key]);
    return row?.active_version ?? null;
  }
}
