import { buildAgencyTree } from '@scorecard/scoring';
import { visibleResults, type MonthPublication } from './result-visibility';
import type { Caller } from './roles';

/** The province → two cities → two counties each, as real division codes. */
const TREE = buildAgencyTree([
  { code: '330000', parentCode: null },
  { code: '330100', parentCode: '330000' },
  { code: '330200', parentCode: '330000' },
  { code: '330102', parentCode: '330100' },
  { code: '330105', parentCode: '330100' },
  { code: '330203', parentCode: '330200' },
  { code: '330205', parentCode: '330200' },
]);

const province: Caller = { role: 'province_admin', agencyCode: '330000' };
const city: Caller = { role: 'city_admin', agencyCode: '330100' };
const cityHead: Caller = { role: 'agency_head', agencyCode: '330100' };
const head: Caller = { role: 'agency_head', agencyCode: '330102' };
const staff: Caller = { role: 'staff', agencyCode: '330102' };

const CITIES = ['330100', '330200'];
const HANGZHOU_COUNTIES = ['330102', '330105'];
const NINGBO_COUNTIES = ['330203', '330205'];
const ALL_COUNTIES = [...HANGZHOU_COUNTIES, ...NINGBO_COUNTIES];

function view(caller: Caller, month: MonthPublication, agencies: readonly string[], requested?: number) {
  return visibleResults({ caller, month, agencies, tree: TREE, requested });
}

describe('visibleResults', () => {
  it('shows a published month as its latest published version to everyone', () => {
    for (const caller of [province, city, cityHead, head, staff]) {
      expect(view(caller, { status: 'published', publishedVersion: 2 }, HANGZHOU_COUNTIES)).toEqual({
        kind: 'published',
        version: 2,
      });
    }
  });

  it('shows a month reopened after publication as draft to the province and as published to heads', () => {
    const reopened = { status: 'open', publishedVersion: 1 } as const;
    expect(view(province, reopened, ALL_COUNTIES)).toEqual({ kind: 'draft' });
    expect(view(head, reopened, ['330102'])).toEqual({ kind: 'published', version: 1 });
    expect(view(staff, { status: 'locked', publishedVersion: 3 }, ['330102'])).toEqual({
      kind: 'published',
      version: 3,
    });
  });

  it('shows no score of a month never published to those who may not read drafts', () => {
    expect(view(head, { status: 'locked', publishedVersion: 0 }, ['330102'])).toEqual({ kind: 'none' });
    expect(view(staff, { status: 'open', publishedVersion: 0 }, ['330102'])).toEqual({ kind: 'none' });
    expect(view(cityHead, { status: 'open', publishedVersion: 0 }, HANGZHOU_COUNTIES)).toEqual({ kind: 'none' });
    expect(view(province, { status: 'open', publishedVersion: 0 }, CITIES)).toEqual({ kind: 'draft' });
  });

  it.each([
    ['its counties’ table', HANGZHOU_COUNTIES, { kind: 'draft' }],
    ['one of its counties', ['330105'], { kind: 'draft' }],
    ['another city’s counties', NINGBO_COUNTIES, { kind: 'none' }],
    ['the province-wide county table', ALL_COUNTIES, { kind: 'none' }],
    ['the cities’ table, its own city among them', CITIES, { kind: 'none' }],
    ['its own city alone', ['330100'], { kind: 'none' }],
  ])('shows a city admin %s of a month never published as %j', (_, agencies, expected) => {
    expect(view(city, { status: 'locked', publishedVersion: 0 }, agencies)).toEqual(expected);
  });

  it('shows a city admin a reopened month in draft for its counties and as published elsewhere', () => {
    const reopened = { status: 'open', publishedVersion: 2 } as const;
    expect(view(city, reopened, HANGZHOU_COUNTIES)).toEqual({ kind: 'draft' });
    expect(view(city, reopened, NINGBO_COUNTIES)).toEqual({ kind: 'published', version: 2 });
    expect(view(city, reopened, ALL_COUNTIES)).toEqual({ kind: 'published', version: 2 });
  });

  it('decides an empty view by the role alone', () => {
    const month = { status: 'open', publishedVersion: 0 } as const;
    expect(view(province, month, [])).toEqual({ kind: 'draft' });
    expect(view(city, month, [])).toEqual({ kind: 'draft' });
    expect(view(head, month, [])).toEqual({ kind: 'none' });
  });

  it('answers a requested version only when it was published', () => {
    const month = { status: 'published', publishedVersion: 2 } as const;
    expect(view(head, month, ['330102'], 1)).toEqual({ kind: 'published', version: 1 });
    expect(view(head, month, ['330102'], 3)).toBeNull();
    expect(view(head, month, ['330102'], 0)).toBeNull();
    expect(view(city, month, HANGZHOU_COUNTIES, 2)).toEqual({ kind: 'published', version: 2 });
  });
});
