import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Items per page', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Items to skip', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/** Pagination plus the subject filter that process instances and tasks share. */
export class SubjectQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ai-system' })
  @IsOptional()
  @IsString()
  subjectType?: string;

  @ApiPropertyOptional({ example: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d' })
  @IsOptional()
  @IsString()
  subjectId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function page<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, limit: query.limit, offset: query.offset };
}
