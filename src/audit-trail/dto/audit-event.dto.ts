import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JSON_OBJECT } from '../../common/dto/json-value.js';
import { PageOf } from '../../common/dto/page.dto.js';
import type { VerifyResult } from '../audit-trail.service.js';
import type { AuditEventEntity } from '../entities/audit-event.entity.js';

/** One state change, with its place in the hash chain once sealed. */
export class AuditEventDto {
  @ApiProperty({ description: 'Event id (a 64-bit integer, as a decimal string)', example: '1042' })
  id: string;

  @ApiProperty({ description: 'When the change was made' })
  occurredAt: Date;

  @ApiProperty({ description: 'Subject of the token that made the change (`system` for the service itself)', example: 'olivia' })
  actor: string;

  @ApiProperty({ example: 'ai-system.updated' })
  action: string;

  @ApiProperty({ example: 'ai-system' })
  subjectType: string;

  @ApiProperty({ example: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d' })
  subjectId: string;

  @ApiProperty({ ...JSON_OBJECT, nullable: true, description: 'The changed fields before the change', example: { description: null } })
  before: Record<string, unknown> | null;

  @ApiProperty({ ...JSON_OBJECT, nullable: true, description: 'The changed fields after the change', example: { description: 'Ranks applications' } })
  after: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, description: 'The request that made the change', example: '1c0f6d2e-4b8a-4f7e-9d3c-2a1b0c9d8e7f' })
  requestId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Position in the chain (decimal string); null until sealed', example: '1041' })
  seq: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Hash of the previous event in the chain; null until sealed' })
  prevHash: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'sha256(prevHash + canonical JSON of the event), hex; null until sealed' })
  hash: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When it was sealed into the chain' })
  sealedAt: Date | null;
}

export class AuditEventPageDto extends PageOf(AuditEventDto) {}

/** The result of recomputing the hash chain. */
export class AuditVerificationDto {
  @ApiProperty({ description: 'Every sealed event matches its hash and links to the one before', example: true })
  valid: boolean;

  @ApiProperty({ type: 'integer', description: 'Sealed events recomputed (up to the first broken one)', example: 120 })
  checked: number;

  @ApiProperty({ type: 'integer', description: 'Events sealed into the chain', example: 120 })
  sealed: number;

  @ApiProperty({ type: 'integer', description: 'Events committed but not yet sealed (sealing runs in the background)', example: 2 })
  pending: number;

  @ApiPropertyOptional({ description: 'The first event that does not verify (when not valid)', example: '57' })
  firstBrokenId?: string;

  @ApiPropertyOptional({ description: 'Why it does not verify', example: 'content does not match its hash' })
  reason?: string;
}

export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    actor: e.actor,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
    seq: e.seq,
    prevHash: e.prevHash,
    hash: e.hash,
    sealedAt: e.sealedAt,
  };
}

export function toAuditVerificationDto(r: VerifyResult): AuditVerificationDto {
  return {
    valid: r.valid,
    checked: r.checked,
    sealed: r.sealed,
    pending: r.pending,
    ...(r.firstBrokenId !== undefined ? { firstBrokenId: r.firstBrokenId } : {}),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
  };
}
