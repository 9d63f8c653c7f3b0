import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { ImpactAssessmentDto, ImpactAssessmentPageDto } from './dto/impact-assessment.dto.js';
import { ImpactAssessmentQueryDto } from './dto/impact-assessment-query.dto.js';
import { ImpactAssessmentsService } from './impact-assessments.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('impact-assessments')
export class ImpactAssessmentsController {
  constructor(private readonly assessments: ImpactAssessmentsService) {}

  @Get()
  @ApiOkResponse({ type: ImpactAssessmentPageDto })
  @ApiOperation({
    summary: 'Impact assessment register',
    description: 'Versioned assessments per system: status, the four dimensions, FRIA answers, impact level, decision ids, approvers.',
  })
  list(@Query() query: ImpactAssessmentQueryDto): Promise<ImpactAssessmentPageDto> {
    return this.assessments.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImpactAssessmentDto })
  @ApiOperation({ summary: 'One impact assessment' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImpactAssessmentDto> {
    return this.assessments.get(id);
  }
}
