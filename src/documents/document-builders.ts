import type { AiSystemDto } from '../ai-systems/dto/ai-system-response.dto.js';
import type { SubjectChange } from '../audit-trail/audit-trail.service.js';
import type { AuditDto } from '../audits/dto/audit-response.dto.js';
import type { EvidenceIndexEntry } from '../common/evidence-register.js';
import type { StatementOfApplicabilityDto } from '../controls/dto/statement-of-applicability.dto.js';
import type { ImpactAssessmentDto } from '../impact-assessments/dto/impact-assessment.dto.js';
import type { ManagementReviewInputDto } from '../management-review/dto/management-review-input.dto.js';
import type { NonconformityDto } from '../nonconformities/dto/nonconformity-response.dto.js';
import type { RiskDto } from '../risks/dto/risk.dto.js';
import type { DocumentBlock, DocumentSection } from './document-model.js';
import { text } from './document-model.js';

/** The sections of a document and the data they were built from (hashed into its footer). */
export interface BuiltDocument {
  title: string;
  subtitle?: string;
  landscape?: boolean;
  ruleSets: Record<string, number>;
  sections: DocumentSection[];
  data: unknown;
}

const evidenceLine = (e: EvidenceIndexEntry) => `${e.fileName} (${e.id.slice(0, 8)}, sha256 ${e.sha256.slice(0, 16)}…, ${text(e.createdAt)})`;

/** At most this many system names in a cell; the rest are counted (an organisation-wide control names every system). */
const NAMES_SHOWN = 10;

function systemsCell(organisationWide: boolean, names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN);
  const more = names.length - shown.length;
  return text([...(organisationWide ? ['organisation-wide'] : []), ...shown, ...(more > 0 ? [`and ${more} more`] : [])]);
}

const systemName = (systems: Map<string, string>, id: string | null) => (id ? (systems.get(id) ?? id) : 'AIMS-wide');

export function statementOfApplicability(soa: StatementOfApplicabilityDto, evidence: Map<string, EvidenceIndexEntry[]>): BuiltDocument {
  const index = soa.controls.map((c) => ({ controlId: c.controlId, evidence: evidence.get(c.controlId) ?? [] }));
  return {
    title: 'Statement of Applicability',
    subtitle: `${soa.standard} Annex A — ${soa.applicable} of ${soa.controls.length} controls applicable, ${soa.systemsInScope} AI systems in scope`,
    landscape: true,
    ruleSets: { ...soa.ruleSets },
    data: { soa: { ...soa, generatedAt: undefined }, index },
    sections: [
      {
        heading: 'Controls',
        blocks: [
          {
            type: 'paragraph',
            text: 'Derived from the active rule versions and the AI systems in scope; never hand-maintained. Evidence lists the current (not superseded) items linked to each control.',
          },
          {
            type: 'table',
            name: 'Controls',
            columns: [
              { header: 'Control', width: 2 },
              { header: 'Title', width: 5 },
              { header: 'Applicable', width: 2 },
              { header: 'Justification', width: 9 },
              { header: 'Systems', width: 4 },
              { header: 'Implementation', width: 4 },
              { header: 'EU AI Act', width: 2.5 },
              { header: 'Evidence', width: 6 },
            ],
            rows: soa.controls.map((c, i) => [
              c.controlId,
              c.title,
              c.applicable ? 'yes' : 'no',
              c.justification,
              systemsCell(
                c.organisationWide,
                c.systems.map((s) => s.name),
              ),
              c.implementationStatus + (c.implementationNote ? `: ${c.implementationNote}` : ''),
              text(c.euAiAct),
              index[i].evidence.length ? index[i].evidence.map(evidenceLine).join('\n') + (c.evidenceExpired ? '\n(some expired)' : '') : '—',
            ]),
          },
        ],
      },
    ],
  };
}

const DIMENSIONS = [
  ['individuals', 'Individuals'],
  ['groups', 'Groups and communities'],
  ['society', 'Society'],
  ['organisation', 'The organisation'],
] as const;

const FRIA_NOTE =
  'EU AI Act Art. 27 applies to deployers that are bodies governed by public law or private entities providing public services, and to deployers of Annex III 5(b) and (c) systems.';

export function impactAssessment(
  system: AiSystemDto,
  assessment: ImpactAssessmentDto,
  versions: ImpactAssessmentDto[],
  changes: SubjectChange[],
): BuiltDocument {
  const dimensionRows = DIMENSIONS.map(([key, label]) => {
    const d = assessment[key];
    return [label, text(d?.description), text(d?.affectedParties), text(d?.severity), text(d?.likelihood), text(d?.mitigations)];
  });
  const fria: DocumentBlock[] = assessment.fria
    ? [
        { type: 'paragraph', text: FRIA_NOTE },
        { type: 'fields', rows: Object.entries(assessment.fria).map(([k, v]) => [k, text(v)]) },
      ]
    : [{ type: 'paragraph', text: `No fundamental rights impact assessment was recorded for this version. ${FRIA_NOTE}` }];
  return {
    title: 'AI system impact assessment',
    subtitle: `${system.name} — version ${assessment.version} (${assessment.status}), structured after ISO/IEC 42005`,
    ruleSets: {},
    data: { system, assessment, versions, changes },
    sections: [
      {
        heading: '1. System description and scope',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['AI system', `${system.name} (${system.id})`],
              ['Intended purpose', system.intendedPurpose],
              ['Description', text(system.description)],
              ['Owner', text(system.owner)],
              ['Organisation roles', text(system.roles)],
              ['EU AI Act risk class', text(system.riskClass)],
              ['Model', system.model ? text([system.model.provider, system.model.name, system.model.version].filter(Boolean).join(' ')) : '—'],
              ['Assessment trigger', `${assessment.trigger}${assessment.reasons.length ? ` (${assessment.reasons.join(', ')})` : ''}`],
            ],
          },
        ],
      },
      {
        heading: '2. Impacts by dimension',
        blocks: [
          { type: 'paragraph', text: 'Severity: 1 negligible … 5 severe or irreversible. Likelihood: 1 rare … 5 almost certain.' },
          {
            type: 'table',
            name: 'Dimensions',
            columns: [
              { header: 'Dimension', width: 3 },
              { header: 'What could happen', width: 6 },
              { header: 'Affected parties', width: 4 },
              { header: 'Severity', width: 2 },
              { header: 'Likelihood', width: 2 },
              { header: 'Mitigations', width: 6 },
            ],
            rows: dimensionRows,
          },
          { type: 'fields', rows: [['Impact level (rules)', text(assessment.impactLevel)]] },
        ],
      },
      {
        heading: '3. Mitigations',
        blocks: DIMENSIONS.map(([key, label]) => ({ type: 'paragraph' as const, text: `${label}: ${text(assessment[key]?.mitigations)}` })),
      },
      { heading: '4. Fundamental rights impact assessment (EU AI Act Art. 27)', blocks: fria },
      {
        heading: '5. Reviewers and approvers',
        blocks: [
          {
            type: 'table',
            name: 'Approvers',
            columns: [
              { header: 'Who', width: 2 },
              { header: 'Role', width: 3 },
              { header: 'Decision', width: 2 },
            ],
            rows: assessment.approvers.map((a) => [a.subject, text(a.role), text(a.decision)]),
          },
          { type: 'fields', rows: [['Approved at', assessment.approvedAt ? assessment.approvedAt.toISOString() : 'not approved']] },
          {
            type: 'table',
            name: 'Changes',
            columns: [
              { header: 'When', width: 3 },
              { header: 'Who', width: 2 },
              { header: 'What', width: 4 },
            ],
            rows: changes.map((c) => [c.at.toISOString(), c.actor, c.action]),
          },
        ],
      },
      {
        heading: '6. Version history',
        blocks: [
          {
            type: 'table',
            name: 'Versions',
            columns: [
              { header: 'Version', width: 1 },
              { header: 'Status', width: 2 },
              { header: 'Trigger', width: 3 },
              { header: 'Impact level', width: 2 },
              { header: 'Opened', width: 2 },
              { header: 'Approved', width: 2 },
            ],
            rows: versions.map((v) => [String(v.version), v.status, v.trigger, text(v.impactLevel), text(v.createdAt), text(v.approvedAt)]),
          },
        ],
      },
    ],
  };
}

export function riskRegister(risks: RiskDto[], systems: Map<string, string>, evidence: Map<string, EvidenceIndexEntry[]>): BuiltDocument {
  return {
    title: 'Risk register and treatment plan',
    subtitle: `${risks.length} AI risks (ISO/IEC 42001 6.1.2, 6.1.3)`,
    landscape: true,
    ruleSets: {},
    data: { risks, evidence: risks.map((r) => ({ riskId: r.id, evidence: evidence.get(r.id) ?? [] })) },
    sections: [
      {
        heading: 'Risks',
        blocks: [
          {
            type: 'table',
            name: 'Risks',
            columns: [
              { header: 'Risk', width: 6 },
              { header: 'AI system', width: 4 },
              { header: 'L × S', width: 1.5 },
              { header: 'Rating', width: 2 },
              { header: 'Status', width: 3 },
              { header: 'Owner', width: 2 },
              { header: 'Residual', width: 2.5 },
              { header: 'Evidence', width: 1.5 },
            ],
            rows: risks.map((r) => [
              r.title,
              systemName(systems, r.systemId),
              `${r.likelihood} × ${r.severity}`,
              r.rating,
              r.status,
              text(r.owner),
              r.residualRating ? `${r.residualRating} (${r.residualLikelihood} × ${r.residualSeverity})` : '—',
              String(evidence.get(r.id)?.length ?? 0),
            ]),
          },
        ],
      },
      {
        heading: 'Treatment plan',
        blocks: [
          {
            type: 'table',
            name: 'Treatment plan',
            columns: [
              { header: 'Risk', width: 5 },
              { header: 'Treatment', width: 2 },
              { header: 'Controls', width: 3 },
              { header: 'Plan', width: 8 },
              { header: 'Top management acceptance', width: 2.5 },
              { header: 'Closed', width: 2 },
            ],
            rows: risks.map((r) => [r.title, text(r.treatment), text(r.controls), text(r.plan), r.requiresTopManagement ? 'required' : 'no', text(r.closedAt)]),
          },
        ],
      },
    ],
  };
}

export function nonconformityReport(items: NonconformityDto[], systems: Map<string, string>): BuiltDocument {
  const open = items.filter((n) => n.status !== 'closed').length;
  return {
    title: 'Nonconformities and corrective actions',
    subtitle: `${items.length} nonconformities, ${open} not closed (ISO/IEC 42001 10.2)`,
    landscape: true,
    ruleSets: {},
    data: { items },
    sections: [
      {
        heading: 'Register',
        blocks: [
          {
            type: 'table',
            name: 'Nonconformities',
            columns: [
              { header: 'Nonconformity', width: 5 },
              { header: 'Severity', width: 1.5 },
              { header: 'Source', width: 2.5 },
              { header: 'AI system', width: 3 },
              { header: 'Status', width: 2.5 },
              { header: 'Clauses / controls', width: 2.5 },
              { header: 'Raised', width: 2 },
              { header: 'Closed', width: 2 },
            ],
            rows: items.map((n) => [
              n.title,
              n.severity,
              n.source,
              systemName(systems, n.systemId),
              n.status + (n.reopened ? ` (reopened ${n.reopened}×)` : ''),
              text([...n.clauseRefs, ...n.controlRefs]),
              `${text(n.createdAt)} by ${n.raisedBy}`,
              text(n.closedAt),
            ]),
          },
        ],
      },
      {
        heading: 'Corrective actions',
        blocks: [
          {
            type: 'table',
            name: 'Corrective actions',
            columns: [
              { header: 'Nonconformity', width: 4 },
              { header: 'Containment', width: 4 },
              { header: 'Root cause', width: 4 },
              { header: 'Corrective action plan', width: 6 },
            ],
            rows: items.map((n) => [n.title, text(n.containment), text(n.rootCause), text(n.plan)]),
          },
        ],
      },
    ],
  };
}

export function auditReport(audit: AuditDto, nonconformities: NonconformityDto[], changes: SubjectChange[]): BuiltDocument {
  const byId = new Map(nonconformities.map((n) => [n.id, n]));
  const stages = [
    ...new Set([...changes.map((c) => c.after?.stage).filter((s): s is string => typeof s === 'string'), ...audit.findings.map((f) => f.stage ?? audit.stage)]),
  ];
  const stageSections: DocumentSection[] = (stages.length ? stages : [audit.stage]).map((stage) => {
    const findings = audit.findings.filter((f) => (f.stage ?? audit.stage) === stage);
    const entered = changes.find((c) => c.after?.stage === stage);
    return {
      heading: `Stage: ${stage}`,
      blocks: [
        { type: 'paragraph', text: entered ? `Entered ${entered.at.toISOString()} by ${entered.actor}.` : 'No stage change recorded.' },
        {
          type: 'table',
          name: `Findings ${stage}`,
          columns: [
            { header: 'Finding', width: 5 },
            { header: 'Severity', width: 1.5 },
            { header: 'Clauses / controls', width: 2.5 },
            { header: 'Nonconformity status', width: 2.5 },
            { header: 'Closure', width: 4 },
          ],
          rows: findings.map((f) => {
            const nc = f.nonconformityId ? byId.get(f.nonconformityId) : undefined;
            return [
              f.title,
              f.severity,
              text([...(f.clauseRefs ?? []), ...(f.controlRefs ?? [])]),
              nc?.status ?? 'unknown',
              nc?.closedAt ? `closed ${nc.closedAt.toISOString().slice(0, 10)}: ${text(nc.plan)}` : 'open',
            ];
          }),
        },
      ],
    };
  });
  return {
    title: 'Audit report',
    subtitle: `${audit.title} (${audit.type}, cycle ${audit.cycle})`,
    ruleSets: {},
    data: { audit, nonconformities, changes },
    sections: [
      {
        heading: 'Audit',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['Type', audit.type],
              ['Scope', text(audit.scope)],
              ['Audited area', text(audit.auditedArea)],
              ['Area owner', text(audit.areaOwner)],
              ['Current stage', audit.stage],
              ['Status', audit.status],
              ['Created', `${audit.createdAt.toISOString()} by ${audit.createdBy}`],
              ['Certified', text(audit.certifiedAt)],
              [
                'Findings',
                `${audit.findings.length}, of them ${audit.findings.filter((f) => f.nonconformityId && byId.get(f.nonconformityId)?.status === 'closed').length} closed`,
              ],
            ],
          },
        ],
      },
      ...stageSections,
    ],
  };
}

/** Counts of values, as "a: 2, b: 1" (sorted by value). */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts.size
    ? [...counts.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ')
    : 'none';
}

export interface ManagementReviewInput {
  systems: AiSystemDto[];
  soa: StatementOfApplicabilityDto;
  risks: RiskDto[];
  assessments: ImpactAssessmentDto[];
  nonconformities: NonconformityDto[];
  audits: AuditDto[];
}

/** The inputs ISO/IEC 42001 9.3.2 asks top management to consider, compiled from the registers. */
export function managementReview(input: ManagementReviewInput): BuiltDocument {
  const { systems, soa, risks, assessments, nonconformities, audits } = input;
  const findings = audits.flatMap((a) => a.findings);
  const soaStatuses = soa.controls.filter((c) => c.applicable).map((c) => c.implementationStatus);
  return {
    title: 'Management review input',
    subtitle: 'ISO/IEC 42001 9.3.2, compiled from the registers',
    ruleSets: { ...soa.ruleSets },
    data: { ...input, soa: { ...soa, generatedAt: undefined } },
    sections: [
      {
        heading: 'a) Status of actions from previous management reviews',
        blocks: [
          { type: 'paragraph', text: 'Management review decisions are not kept in a register of this service yet; take them from the previous minutes.' },
        ],
      },
      {
        heading: 'b) Changes in external and internal issues relevant to the AIMS',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['AI systems by status', tally(systems.map((s) => s.status))],
              ['AI systems by EU AI Act risk class', tally(systems.map((s) => s.riskClass ?? 'unclassified'))],
              [
                'Rule sets in force',
                Object.entries(soa.ruleSets)
                  .map(([k, v]) => `${k} v${v}`)
                  .join(', '),
              ],
            ],
          },
        ],
      },
      {
        heading: 'c) Changes in needs and expectations of interested parties',
        blocks: [{ type: 'fields', rows: [['Impact assessments by status', tally(assessments.map((a) => a.status))]] }],
      },
      {
        heading: 'd) Information on the performance of the AIMS',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['Nonconformities by status', tally(nonconformities.map((n) => n.status))],
              ['Nonconformities by severity', tally(nonconformities.map((n) => n.severity))],
              ['Reopened after an ineffective correction', String(nonconformities.filter((n) => n.reopened > 0).length)],
              ['Applicable controls by implementation status', tally(soaStatuses)],
              ['Controls with expired evidence', text(soa.controls.filter((c) => c.evidenceExpired).map((c) => c.controlId))],
              ['Audits by status', tally(audits.map((a) => `${a.type} ${a.status}`))],
              ['Audit findings by severity', tally(findings.map((f) => f.severity))],
            ],
          },
        ],
      },
      {
        heading: 'e) Opportunities for continual improvement',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['Risks by rating', tally(risks.map((r) => r.rating))],
              ['Risks by status', tally(risks.map((r) => r.status))],
              ['Applicable controls without evidence', text(soa.controls.filter((c) => c.applicable && c.evidence === 0).map((c) => c.controlId))],
            ],
          },
          {
            type: 'table',
            name: 'Open high risks',
            columns: [
              { header: 'Risk', width: 5 },
              { header: 'Rating', width: 2 },
              { header: 'Status', width: 3 },
              { header: 'Treatment', width: 2 },
            ],
            rows: risks
              .filter((r) => ['high', 'critical'].includes(r.rating) && r.status !== 'closed')
              .map((r) => [r.title, r.rating, r.status, text(r.treatment)]),
          },
        ],
      },
    ],
  };
}

type Row = Record<string, unknown>;
const counts = (value: unknown): string =>
  value && typeof value === 'object' && Object.keys(value).length
    ? Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `${k}: ${text(n)}`)
        .join(', ')
    : 'none';

/**
 * One stored management review input (GET /management-review-inputs/{id}) as the review saw it:
 * what was compiled for it when its task was created, and what it decided.
 */
export function managementReviewRecord(input: ManagementReviewInputDto): BuiltDocument {
  const { content } = input;
  const ncs = content.nonconformities as { total?: number; byStatus?: Row; bySeverity?: Row; open?: Row[] };
  const incidents = content.incidents as { total?: number; serious?: number; lateReports?: Row[]; open?: Row[] };
  return {
    title: 'Management review input',
    subtitle: `ISO/IEC 42001 9.3.2, compiled ${text(new Date(content.compiledAt))} by ${input.compiledBy}${input.auditId ? ` for the review of audit ${input.auditId}` : ''}`,
    ruleSets: {},
    data: input,
    sections: [
      {
        heading: 'a) Status of actions from previous management reviews',
        blocks: [
          {
            type: 'table',
            name: 'Previous reviews',
            columns: [
              { header: 'Decided', width: 2 },
              { header: 'By', width: 2 },
              { header: 'Decisions', width: 5 },
              { header: 'Improvement actions', width: 5 },
            ],
            rows: content.previousReviews.map((r) => [
              text(r.decidedAt ? new Date(String(r.decidedAt)) : null),
              text(r.decidedBy),
              text(r.decisions),
              text(r.improvementActions),
            ]),
          },
        ],
      },
      {
        heading: 'd) Nonconformities and corrective actions',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['Nonconformities', text(ncs.total ?? 0)],
              ['By status', counts(ncs.byStatus)],
              ['By severity', counts(ncs.bySeverity)],
            ],
          },
          {
            type: 'table',
            name: 'Open nonconformities',
            columns: [
              { header: 'Nonconformity', width: 6 },
              { header: 'Severity', width: 2 },
              { header: 'Status', width: 2 },
              { header: 'Source', width: 2 },
            ],
            rows: (ncs.open ?? []).map((n) => [text(n.title), text(n.severity), text(n.status), text(n.source)]),
          },
        ],
      },
      {
        heading: 'd) Monitoring and measurement results',
        blocks: [
          {
            type: 'table',
            name: 'Objectives',
            columns: [
              { header: 'Objective', width: 5 },
              { header: 'Target', width: 2 },
              { header: 'Latest', width: 2 },
              { header: 'Breaches', width: 1 },
              { header: 'Trend', width: 2 },
            ],
            rows: content.objectives.map((o) => [
              text(o.title),
              `${text(o.direction)} ${text(o.target)} ${text(o.unit)}`,
              text((o.latest as Row | null)?.value),
              text(o.breaches),
              text(o.trend),
            ]),
          },
        ],
      },
      {
        heading: 'd) Audit results',
        blocks: [
          {
            type: 'table',
            name: 'Audits',
            columns: [
              { header: 'Audit', width: 5 },
              { header: 'Type', width: 2 },
              { header: 'Stage', width: 2 },
              { header: 'Status', width: 2 },
              { header: 'Findings', width: 1 },
            ],
            rows: content.audits.map((a) => [text(a.title), text(a.type), text(a.stage), text(a.status), text(a.findings)]),
          },
        ],
      },
      {
        heading: 'AI incidents (Annex A.8.4)',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['Incidents', text(incidents.total ?? 0)],
              ['Serious incidents', text(incidents.serious ?? 0)],
              ['Reported late', text((incidents.lateReports ?? []).map((i) => i.title))],
              ['Still open', text((incidents.open ?? []).map((i) => i.title))],
            ],
          },
        ],
      },
      {
        heading: 'e) Opportunities for continual improvement',
        blocks: [
          {
            type: 'table',
            name: 'Opportunities',
            columns: [
              { header: 'Kind', width: 2 },
              { header: 'Title', width: 6 },
            ],
            rows: content.opportunitiesForImprovement.map((o) => [text(o.kind), text(o.title)]),
          },
        ],
      },
      {
        heading: 'Outcome of the review (9.3.3)',
        blocks: [
          {
            type: 'fields',
            rows: [
              ['Decided', input.decidedAt ? `${text(input.decidedAt)} by ${text(input.decidedBy)}` : 'not yet'],
              ['Decisions', text(input.decisions)],
              ['Improvement actions', text(input.improvementActions)],
            ],
          },
        ],
      },
    ],
  };
}
