import { describe, expect, it } from 'vitest';
import { pageFromLink } from './links';

const PATH = '/v3/eduschoolpay/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/contracts';
const onPage2 = { offset: 20, limit: 20 };

describe('pageFromLink', () => {
  it.each([
    ['an absolute URL on WeChat', `https://api.mch.weixin.qq.com${PATH}?plan_id=1&offset=40&limit=20`],
    ['an absolute URL on any other host', `https://evil.example${PATH}?offset=40&limit=20`],
    ['a protocol-relative URL', `//evil.example/steal?limit=20&offset=40`],
    ['a path', `${PATH}?plan_id=1&contract_status=ALL&offset=40&limit=20`],
    ['a bare query', '?offset=40&limit=20'],
  ])('reads only offset and limit from %s', (_, link) => {
    expect(pageFromLink(link, onPage2, 'next')).toEqual({ offset: 40, limit: 20 });
  });

  it('follows a page size the link names when it is valid', () => {
    expect(pageFromLink(`${PATH}?offset=40&limit=40`, onPage2, 'next')).toEqual({ offset: 40, limit: 40 });
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['empty', ''],
    ['only spaces', '   '],
  ])('means there is no such page when the link is %s', (_, link) => {
    expect(pageFromLink(link, onPage2, 'next')).toBeNull();
    expect(pageFromLink(link, onPage2, 'prev')).toBeNull();
  });

  it.each([
    ['garbage text', '::not a link::'],
    ['an unparsable URL', 'http://[::1'],
    ['a link without a query', PATH],
    ['a non-numeric offset', `${PATH}?offset=forty&limit=20`],
    ['a negative offset', `${PATH}?offset=-20&limit=20`],
    ['an offset that is not a multiple of the page size', `${PATH}?offset=25`],
    ['an exponent', `${PATH}?offset=4e1&limit=20`],
  ])('falls back to the neighbouring page when the link is %s', (_, link) => {
    expect(pageFromLink(link, onPage2, 'next')).toEqual({ offset: 40, limit: 20 });
    expect(pageFromLink(link, onPage2, 'prev')).toEqual({ offset: 0, limit: 20 });
  });

  it('keeps the current page size when the link names an offset but a page size out of range', () => {
    expect(pageFromLink(`${PATH}?offset=40&limit=100`, onPage2, 'next')).toEqual({ offset: 40, limit: 20 });
    expect(pageFromLink(`${PATH}?offset=40&limit=0`, onPage2, 'next')).toEqual({ offset: 40, limit: 20 });
  });

  it('uses the current page size when the link names only an offset', () => {
    expect(pageFromLink(`${PATH}?offset=60`, onPage2, 'next')).toEqual({ offset: 60, limit: 20 });
  });

  it('never computes a previous page before the first', () => {
    expect(pageFromLink('garbage', { offset: 0, limit: 20 }, 'prev')).toEqual({ offset: 0, limit: 20 });
    expect(pageFromLink('garbage', { offset: 10, limit: 20 }, 'prev')).toEqual({ offset: 0, limit: 20 });
  });
});
