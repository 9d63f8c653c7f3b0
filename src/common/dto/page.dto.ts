import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The OpenAPI type of a page of `item`s (`{ items, total, limit, offset }`): Swagger needs a class
 * per item type, named `<Item>Page`.
 */
export function PageOf<T>(item: Type<T>) {
  class PageDto {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ description: 'Items matching the filters, over all pages', example: 1 })
    total: number;

    @ApiProperty({ example: 50 })
    limit: number;

    @ApiProperty({ example: 0 })
    offset: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  return PageDto;
}
