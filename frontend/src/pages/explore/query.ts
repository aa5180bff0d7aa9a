import { formatEther, parseEther } from '../../lib/wei';

/** The orders GET /api/market/listings knows; the first is its default. */
export const SORTS = ['newest', 'price_asc', 'price_desc', 'popular'] as const;
export type Sort = (typeof SORTS)[number];
export type Minted = '' | 'true' | 'false';

/** A page of the grid: what one scroll step fetches. */
export const PAGE_SIZE = 24;

/**
 * The browse state that lives in the URL: /explore?q=&creator=&model=&min=&max=&minted=&sort=. Prices are ETH as
 * decimal text, so a shared address reads as the person typed it; they become wei only for the API.
 */
export interface ExploreQuery {
  q: string;
  creator: string;
  model: string;
  min: string;
  max: string;
  minted: Minted;
  sort: Sort;
}

export const EMPTY_QUERY: ExploreQuery = { q: '', creator: '', model: '', min: '', max: '', minted: '', sort: 'newest' };

export function readExploreQuery(params: URLSearchParams): ExploreQuery {
  const text = (name: string) => (params.get(name) ?? '').trim();
  const sort = text('sort');
  const minted = text('minted');
  return {
    q: text('q'),
    creator: text('creator').replace(/^@/, ''),
    model: text('model'),
    min: text('min'),
    max: text('max'),
    minted: minted === 'true' || minted === 'false' ? minted : '',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'newest',
  };
}

/** The URL's search params for a query; empty fields and the default order are left out. */
export function exploreSearchParams(query: ExploreQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['q', 'creator', 'model', 'min', 'max', 'minted'] as const) {
    const value = query[name].trim();
    if (value) params.set(name, value);
  }
  if (query.sort !== 'newest') params.set('sort', query.sort);
  return params;
}

/** Whether anything narrows the listings (the order does not). */
export function isFiltered(query: ExploreQuery): boolean {
  return Boolean(query.q || query.creator || query.model || query.min || query.max || query.minted);
}

export type PriceError = 'format' | 'decimals';

/**
 * An ETH amount typed as a price bound, converted exactly to wei: full-width digits (１２.５) and a decimal comma are
 * accepted, empty means no bound. Zero is a valid lower bound.
 */
export function parseEthBound(text: string): { wei: bigint | null } | { error: PriceError } {
  const normalised = text.normalize('NFKC').trim();
  if (normalised === '') return { wei: null };
  try {
    return { wei: parseEther(normalised) };
  } catch {
    return { error: /^\d*[.,]\d{19,}$/.test(normalised) ? 'decimals' : 'format' };
  }
}

/** What is wrong with a query's price bounds, per field; empty when the request can go out. */
export interface PriceProblems {
  min?: PriceError | 'order';
  max?: PriceError;
}

/**
 * The API's query string for the query (without cursor), or the price problems that keep it from being sent: a
 * request never carries a price that is not an exact whole number of wei.
 */
export function listingsParams(query: ExploreQuery): { params: URLSearchParams } | { problems: PriceProblems } {
  const min = parseEthBound(query.min);
  const max = parseEthBound(query.max);
  const problems: PriceProblems = {};
  if ('error' in min) problems.min = min.error;
  if ('error' in max) problems.max = max.error;
  if ('wei' in min && 'wei' in max && min.wei !== null && max.wei !== null && min.wei > max.wei) problems.min = 'order';
  if (problems.min || problems.max) return { problems };
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.creator) params.set('creator', query.creator);
  if (query.model) params.set('model', query.model);
  if ('wei' in min && min.wei !== null) params.set('minPriceWei', min.wei.toString());
  if ('wei' in max && max.wei !== null) params.set('maxPriceWei', max.wei.toString());
  if (query.minted) params.set('minted', query.minted);
  params.set('sort', query.sort);
  params.set('limit', String(PAGE_SIZE));
  return { params };
}

/** A price bound as the URL keeps it: the exact ETH of what was typed ("０.５０" → "0.5"), or the text as typed when it is not one. */
export function normaliseEth(text: string): string {
  const parsed = parseEthBound(text);
  return 'wei' in parsed && parsed.wei !== null ? formatEther(parsed.wei) : text.trim();
}

/** The API path of one page. */
export function pagePath(params: URLSearchParams, cursor: string | null): string {
  const page = new URLSearchParams(params);
  if (cursor) page.set('cursor', cursor);
  return `/api/market/listings?${page}`;
}
