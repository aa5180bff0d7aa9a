import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, exploreSearchParams, isFiltered, listingsParams, normaliseEth, pagePath, parseEthBound, readExploreQuery } from './query';

describe('explore query', () => {
  it('reads the URL, dropping unknown orders and flags and a leading @', () => {
    const query = readExploreQuery(new URLSearchParams('q=%20fox%20&creator=@ada&sort=cheapest&minted=maybe&min=0.1'));
    expect(query).toEqual({ ...EMPTY_QUERY, q: 'fox', creator: 'ada', min: '0.1' });
  });

  it('writes only what narrows or orders, so the plain page is /explore', () => {
    expect(exploreSearchParams(EMPTY_QUERY).toString()).toBe('');
    const params = exploreSearchParams({ ...EMPTY_QUERY, q: '三角形', max: '1.5', minted: 'false', sort: 'price_asc' });
    expect(params.toString()).toBe('q=%E4%B8%89%E8%A7%92%E5%BD%A2&max=1.5&minted=false&sort=price_asc');
    expect(readExploreQuery(params)).toEqual({ ...EMPTY_QUERY, q: '三角形', max: '1.5', minted: 'false', sort: 'price_asc' });
    expect(isFiltered({ ...EMPTY_QUERY, sort: 'popular' })).toBe(false);
    expect(isFiltered({ ...EMPTY_QUERY, minted: 'true' })).toBe(true);
  });

  it('converts ETH bounds to exact wei, full-width digits and a decimal comma included', () => {
    expect(parseEthBound('')).toEqual({ wei: null });
    expect(parseEthBound('0')).toEqual({ wei: 0n });
    expect(parseEthBound('０.０１')).toEqual({ wei: 10_000_000_000_000_000n });
    expect(parseEthBound('0,3')).toEqual({ wei: 300_000_000_000_000_000n });
    expect(parseEthBound('123456789.123456789123456789')).toEqual({ wei: 123456789123456789123456789n });
    expect(parseEthBound('0.1234567890123456789')).toEqual({ error: 'decimals' });
    expect(parseEthBound('1e-3')).toEqual({ error: 'format' });
    expect(parseEthBound('-1')).toEqual({ error: 'format' });
    expect(normaliseEth(' ０.５０ ')).toBe('0.5');
    expect(normaliseEth('abc')).toBe('abc');
  });

  it('builds the API request in wei, or names the bounds that keep it from going out', () => {
    const request = listingsParams({ ...EMPTY_QUERY, q: 'fox', min: '0.1', max: '0.3', minted: 'true' });
    expect('params' in request && request.params.toString()).toBe(
      'q=fox&minPriceWei=100000000000000000&maxPriceWei=300000000000000000&minted=true&sort=newest&limit=24',
    );
    expect(listingsParams({ ...EMPTY_QUERY, min: '2', max: '1' })).toEqual({ problems: { min: 'order' } });
    expect(listingsParams({ ...EMPTY_QUERY, min: 'cheap', max: '0.1.2' })).toEqual({ problems: { min: 'format', max: 'format' } });
    const plain = listingsParams(EMPTY_QUERY);
    expect('params' in plain && pagePath(plain.params, 'abc')).toBe('/api/market/listings?sort=newest&limit=24&cursor=abc');
  });
});
