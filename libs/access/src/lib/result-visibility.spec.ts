import { visibleResults } from './result-visibility';

const province = { role: 'province_admin' } as const;
const head = { role: 'agency_head' } as const;
const staff = { role: 'staff' } as const;

describe('visibleResults', () => {
  it('shows a published month as its latest published version to everyone', () => {
    for (const caller of [province, head, staff]) {
      expect(visibleResults(caller, { status: 'published', publishedVersion: 2 })).toEqual({
        kind: 'published',
        version: 2,
      });
    }
  });

  it('shows a month reopened after publication as draft to the province and as published to heads', () => {
    const reopened = { status: 'open', publishedVersion: 1 } as const;
    expect(visibleResults(province, reopened)).toEqual({ kind: 'draft' });
    expect(visibleResults(head, reopened)).toEqual({ kind: 'published', version: 1 });
    expect(visibleResults(staff, { status: 'locked', publishedVersion: 3 })).toEqual({
      kind: 'published',
      version: 3,
    });
  });

  it('shows no score of a month never published to those who may not read drafts', () => {
    expect(visibleResults(head, { status: 'locked', publishedVersion: 0 })).toEqual({
      kind: 'none',
    });
    expect(visibleResults(staff, { status: 'open', publishedVersion: 0 })).toEqual({
      kind: 'none',
    });
    expect(visibleResults(province, { status: 'open', publishedVersion: 0 })).toEqual({
      kind: 'draft',
    });
  });

  it('answers a requested version only when it was published', () => {
    const month = { status: 'published', publishedVersion: 2 } as const;
    expect(visibleResults(head, month, 1)).toEqual({ kind: 'published', version: 1 });
    expect(visibleResults(head, month, 3)).toBeNull();
    expect(visibleResults(head, month, 0)).toBeNull();
  });
});
