import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { EvidenceEntity } from '../entities/evidence.entity.js';
import { LINK_KINDS } from '../evidence-links.js';

export class EvidenceLinkDto {
  @ApiProperty({ enum: LINK_KINDS, example: 'ai-system' })
  kind: string;

  @ApiProperty({ description: 'The linked record (a UUID, or an Annex A control id)', example: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d' })
  id: string;
}

/** One evidence item: what it is, its integrity and its links. The content is at `contentUrl`. */
export class EvidenceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The file name as sent, sanitised (no path, control or bidi characters; at most 200 characters)', example: 'dpia-v2.pdf' })
  fileName: string;

  @ApiProperty({ description: 'Detected from the bytes (see docs/evidence.md for the allowed types)', example: 'application/pdf' })
  contentType: string;

  @ApiProperty({ type: 'integer', example: 482113 })
  sizeBytes: number;

  @ApiProperty({
    description: 'SHA-256 of the content (hex); also in the audit event `evidence.uploaded`',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256: string;

  @ApiProperty({ example: 'Signed DPIA for the CV screening assistant, v2' })
  description: string;

  @ApiProperty({ example: 'carla' })
  collectedBy: string;

  @ApiProperty({ example: 'olivia' })
  uploadedBy: string;

  @ApiProperty({ type: Date, nullable: true, description: 'Valid until (null: no expiry)' })
  validUntil: Date | null;

  @ApiProperty({ description: 'validUntil lies before now (the service clock)' })
  expired: boolean;

  @ApiProperty({ type: [EvidenceLinkDto] })
  links: EvidenceLinkDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The item this one corrects' })
  supersedes: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it corrects it', example: 'The first scan missed page 3' })
  supersedeReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The item that corrected this one (both are kept)' })
  supersededBy: string | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ example: '/api/v1/evidence/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d/content' })
  contentUrl: string;
}

export class EvidencePageDto extends PageOf(EvidenceDto) {}

export function toEvidenceDto(e: EvidenceEntity, links: EvidenceLinkDto[], now: Date): EvidenceDto {
  return {
    id: e.id,
    fileName: e.fileName,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    description: e.description,
    collectedBy: e.collectedBy,
    uploadedBy: e.uploadedBy,
    validUntil: e.validUntil,
    expired: e.validUntil !== null && e.validUntil.getTime() < now.getTime(),
    links,
    supersedes: e.supersedes,
    supersedeReason: e.supersedeReason,
    supersededBy: e.supersededBy,
    createdAt: e.createdAt,
    contentUrl: `/api/v1/evidence/${e.id}/content`,
  };
}
