import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SubjectField } from '../../auth/subject.js';
import { IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

const CONTROL_ID = /^A\.\d+(\.\d+)*$/;

/**
 * The text fields of `POST /evidence` (multipart/form-data, beside the `file` part). Each link
 * field may be sent several times; at least one link is needed (a correction may inherit its
 * links from the item it supersedes).
 */
export class UploadEvidenceDto {
  @ApiProperty({ description: 'What the file shows', example: 'Signed DPIA for the CV screening assistant, v2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiPropertyOptional({ description: 'Who collected it (default: the uploader)', example: 'carla' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  collectedBy?: string;

  @ApiPropertyOptional({ description: 'Until when it is valid (ISO 8601); after it, it counts as expired', example: '2027-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The item this one corrects; both are kept, the old one shows `supersededBy`' })
  @IsOptional()
  @IsUUID()
  supersedes?: string;

  @ApiPropertyOptional({ description: 'Why the correction (required with `supersedes`)', example: 'The first scan missed page 3' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: [String], description: 'AI systems it is evidence for' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  systemId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Tasks it is evidence for' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  taskId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Annex A controls (Statement of Applicability entries)', example: ['A.6.2.8'] })
  @IsOptional()
  @IsArray()
  @Matches(CONTROL_ID, { each: true, message: 'each value must be an Annex A control id such as A.6.2.8' })
  controlId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Risks' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  riskId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Impact assessments' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  impactAssessmentId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Nonconformities' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  nonconformityId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Audits' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  auditId?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Incidents: accepted only once an incident register exists (400 until then)' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  incidentId?: string[];
}

/** The multipart request body as OpenAPI shows it. */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['file', 'description'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'The content (one file part); its type is detected from the bytes' },
    description: { type: 'string' },
    collectedBy: { type: 'string' },
    validUntil: { type: 'string', format: 'date-time' },
    supersedes: { type: 'string', format: 'uuid' },
    reason: { type: 'string' },
    ...Object.fromEntries(
      ['systemId', 'taskId', 'controlId', 'riskId', 'impactAssessmentId', 'nonconformityId', 'auditId', 'incidentId'].map((name) => [
        name,
        { type: 'array', items: { type: 'string' }, description: 'repeat the field for several links' },
      ]),
    ),
  },
};

export class EvidenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Linked to this AI system' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({ example: 'A.6.2.8' })
  @IsOptional()
  @Matches(CONTROL_ID, { message: 'must be an Annex A control id such as A.6.2.8' })
  controlId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  riskId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  impactAssessmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  nonconformityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  auditId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ description: 'Valid until before this time (ISO 8601): what expires by then, or has expired', example: '2027-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiringBefore?: string;

  @ApiPropertyOptional({ description: 'Uploaded by this subject, compared in canonical form (`Olivia` is `olivia`)', example: 'olivia' })
  @IsOptional()
  @SubjectField()
  uploadedBy?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: only items not superseded; `false`: only superseded ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  current?: string;
}
