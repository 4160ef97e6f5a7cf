import { nextLinkOf } from './link-header';

describe('the next page of a Link header', () => {
  const base = 'https://lms.test/ctx/1/memberships?page=1';

  it('finds rel="next" among other relations, quoted or not', () => {
    expect(nextLinkOf('<https://lms.test/m?page=2>; rel="next", <https://lms.test/m?page=9>; rel="last"', base)).toBe(
      'https://lms.test/m?page=2',
    );
    expect(nextLinkOf('<https://lms.test/m?page=9>; rel=last, <https://lms.test/m?page=3>; rel=next', base)).toBe(
      'https://lms.test/m?page=3',
    );
    expect(nextLinkOf('<https://lms.test/m?p=2>; title="a, b; c"; rel="prev next"', base)).toBe('https://lms.test/m?p=2');
  });

  it('resolves a relative target against the page URL, commas inside the URI included', () => {
    expect(nextLinkOf('</ctx/1/memberships?page=2&x=a,b>; rel="next"', base)).toBe('https://lms.test/ctx/1/memberships?page=2&x=a,b');
  });

  it('is null without a next relation, without a header, or with an unusable target', () => {
    expect(nextLinkOf('<https://lms.test/m?since=5>; rel="differences"', base)).toBeNull();
    expect(nextLinkOf(null, base)).toBeNull();
    expect(nextLinkOf('', base)).toBeNull();
    expect(nextLinkOf('<http://[bad>; rel="next"', base)).toBeNull();
    expect(nextLinkOf('rel="next"', base)).toBeNull();
  });
});
