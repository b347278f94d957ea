import { z } from 'zod';
import type { OrukObject } from './fields.js';

/**
 * Paging of the ORUK list answers: the envelope fields of `components.schemas.Page` in the ORUK
 * open_api.json, pages counted from 1. `size` is the number of items on this page (the Page
 * schema says "size of current page"; for every page but the last it equals per_page).
 */

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;

const positive = (max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be 1 or more' })
    .max(max, { error: `must be ${max} or less` });

export const pagingFields = {
  page: positive(100_000).default(1).describe('Page number, from 1.'),
  per_page: positive(MAX_PER_PAGE).default(DEFAULT_PER_PAGE).describe(`Items per page, 1 to ${MAX_PER_PAGE} (default ${DEFAULT_PER_PAGE}).`),
  format: z.literal('json', { error: 'only json is offered' }).optional().describe('Only `json` is offered.'),
};

export interface Paging {
  page: number;
  per_page: number;
}

export function offsetOf(paging: Paging): number {
  return (paging.page - 1) * paging.per_page;
}

export function pageOf(paging: Paging, totalItems: number, contents: OrukObject[]): OrukObject {
  const totalPages = Math.ceil(totalItems / paging.per_page);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: paging.page,
    size: contents.length,
    first_page: paging.page === 1,
    last_page: paging.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
