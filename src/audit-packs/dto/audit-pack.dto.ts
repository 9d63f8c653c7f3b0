import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageOf } from '../../common/dto/page.dto.js';
import { PageQueryDto } from '../../common/pagination.js';
import type { AuditPackRow, AuditPackStatus } from '../repositories/audit-packs.repository.js';

const STATUSES: AuditPackStatus[] = ['pending', 'building', 'done', 'failed', 'expired'];

/** `POST /audit-packs`: what the pack covers. */
export class CreateAuditPackDto {
  @ApiProperty({
    description: 'Start of the period (ISO 8601, inclusive): evidence uploaded, decisions taken and audit events from then',
    example: '2026-01-01',
  })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ description: 'End of the period (ISO 8601, exclusive; a time after the request counts as the request time)', example: '2027-01-01' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Only these AI systems: evidence linked to them, their decisions, impact assessments, risks and nonconformities (default: everything)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  systemIds?: string[];
}

export class AuditPackQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: AuditPackStatus;
}

/** How far a build got. */
export class AuditPackProgressDto {
  @ApiProperty({ type: 'integer', description: 'Files written into the ZIP', example: 1200 })
  filesDone: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Files the pack will hold (null until the build has listed them)', example: 5012 })
  filesTotal: number | null;

  @ApiProperty({ type: 'integer', description: 'Bytes of the ZIP written so far', example: 10485760 })
  bytes: number;
}

/** An audit pack: a ZIP of the documents, the evidence files and their index, the decisions and the audit trail of a period. */
export class AuditPackDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: STATUSES,
    description:
      '`pending`: queued; `building`: a worker is writing it; `done`: download it until `expiresAt`; `failed`: see `error`; `expired`: kept past the retention (AIMSFLOW_AUDIT_PACK_RETENTION_DAYS), its ZIP deleted (request a new pack)',
  })
  status: AuditPackStatus;

  @ApiProperty({ type: Date })
  from: Date;

  @ApiProperty({ type: Date })
  to: Date;

  @ApiProperty({ type: [String], description: 'The AI systems it is limited to (empty: all)' })
  systemIds: string[];

  @ApiProperty({ example: 'audrey' })
  requestedBy: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  startedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  finishedAt: Date | null;

  @ApiProperty({ type: AuditPackProgressDto })
  progress: AuditPackProgressDto;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Size of the finished ZIP', example: 52428800 })
  sizeBytes: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the finished ZIP (also its ETag)' })
  sha256: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the build failed' })
  error: string | null;

  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'When the ZIP is deleted (a `done` pack: finished + the retention) or was deleted (`expired`); null before it is done',
    example: '2026-02-14T09:00:00.000Z',
  })
  expiresAt: Date | null;

  @ApiProperty({
    example: '/api/v1/audit-packs/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d/content',
    description: 'Where to download it once `done` (409 before, 410 once expired)',
  })
  contentUrl: string;
}

export class AuditPackPageDto extends PageOf(AuditPackDto) {}

/** The API view of a pack; `retentionMs` dates the expiry of a finished one. */
export function toAuditPackDto(row: AuditPackRow, retentionMs: number): AuditPackDto {
  return {
    id: row.id,
    status: row.status,
    from: row.period_from,
    to: row.period_to,
    systemIds: row.system_ids,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    progress: { filesDone: row.files_done, filesTotal: row.files_total, bytes: Number(row.bytes_done) },
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    error: row.error,
    expiresAt: row.expired_at ?? (row.status === 'done' && row.finished_at ? new Date(row.finished_at.getTime() + retentionMs) : null),
    contentUrl: `/api/v1/audit-packs/${row.id}/content`,
  };
}
