import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID } from 'class-validator';

/** Query parameters of `GET /documents/{kind}`; which ones a kind uses is in its description. */
export class DocumentQueryDto {
  @ApiPropertyOptional({
    description: "`pdf`, `xlsx` or `docx`; default the kind's first format. A format the kind does not have is 406 naming the ones it has.",
    example: 'pdf',
  })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'impact-assessment: the latest version of this system; risk-register, nonconformities: only this system',
  })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'impact-assessment: this version (instead of the latest of `systemId`)' })
  @IsOptional()
  @IsUUID()
  impactAssessmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'audit-report: the audit (required)' })
  @IsOptional()
  @IsUUID()
  auditId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'management-review: this stored input (GET /management-review-inputs/{id}, linked from the review task as `links.reviewInputPdf`) as the review saw it, with what it decided; without it the input is compiled from the registers now',
  })
  @IsOptional()
  @IsUUID()
  managementReviewInputId?: string;
}
