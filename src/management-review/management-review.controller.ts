import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { ManagementReviewInputDto, ManagementReviewInputPageDto, ManagementReviewInputQueryDto } from './dto/management-review-input.dto.js';
import { ManagementReviewService } from './management-review.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('management-review-inputs')
export class ManagementReviewController {
  constructor(private readonly reviews: ManagementReviewService) {}

  @Get()
  @ApiOkResponse({ type: ManagementReviewInputPageDto })
  @ApiOperation({ summary: 'Management review inputs', description: 'Newest first; filter by auditId.' })
  list(@Query() query: ManagementReviewInputQueryDto): Promise<ManagementReviewInputPageDto> {
    return this.reviews.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ManagementReviewInputDto })
  @ApiOperation({
    summary: 'One management review input',
    description:
      'ISO/IEC 42001 clause 9.3.2, compiled from the registers when the management review task was created (its id is the instance variable managementReviewInputId), with what the review decided.',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ManagementReviewInputDto> {
    return this.reviews.get(id);
  }
}
