import { buildAgencyTree, descendantsOf, isWithin, subtreeOf, type AgencyNode } from './agency-tree';
import { AgencyTreeError } from './agency-tree.error';
import { PROVINCE_TREE } from './testing/agency-fixtures';

const node = (code: string, parentCode: string | null = null): AgencyNode => ({ code, parentCode });

function treeError(run: () => unknown): AgencyTreeError {
  try {
    run();
  } catch (error) {
    if (error instanceof AgencyTreeError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AgencyTreeError');
}

describe('buildAgencyTree', () => {
  it('orders parents before children, breadth-first', () => {
    const shuffled = [...PROVINCE_TREE].reverse();
    const { topDown } = buildAgencyTree(shuffled);
    expect(topDown.map(({ code }) => code)).toEqual([
      '330000',
      '330200',
      '330100',
      '330205',
      '330203',
      '330105',
      '330102',
    ]);
  });

  it('indexes agencies and their children', () => {
    const { byCode, childrenOf } = buildAgencyTree(PROVINCE_TREE);
    expect(byCode.get('330102')).toEqual(node('330102', '330100'));
    expect(childrenOf.get('330100')?.map(({ code }) => code)).toEqual(['330102', '330105']);
    expect(childrenOf.has('330102')).toBe(false);
  });

  it('accepts a forest and an empty list', () => {
    expect(buildAgencyTree([node('a'), node('b'), node('c', 'b')]).topDown).toHaveLength(3);
    expect(buildAgencyTree([]).topDown).toEqual([]);
  });

  it.each<[string, AgencyNode[], string, string[], RegExp]>([
    ['a self-parent', [node('a'), node('b', 'b')], 'cycle', ['b'], /cycle: b → b/],
    [
      'a two-agency cycle',
      [node('root'), node('x', 'y'), node('y', 'x')],
      'cycle',
      ['x', 'y'],
      /cycle: x → y → x/,
    ],
    [
      'a cycle with a branch hanging off it',
      [node('leaf', 'c1'), node('c1', 'c2'), node('c2', 'c3'), node('c3', 'c1')],
      'cycle',
      ['c1', 'c2', 'c3'],
      /cycle: c1 → c2 → c3 → c1/,
    ],
    ['a cycle and no root at all', [node('a', 'b'), node('b', 'a')], 'cycle', ['a', 'b'], /cycle/],
    [
      'an unknown parent',
      [node('330000'), node('330100', '339999')],
      'unknown_parent',
      ['330100', '339999'],
      /330100 has an unknown parent 339999/,
    ],
    [
      'a duplicate code',
      [node('330000'), node('330100', '330000'), node('330100', '330000')],
      'duplicate_code',
      ['330100'],
      /330100 is listed twice/,
    ],
  ])('throws on %s', (_name, agencies, problem, codes, message) => {
    const error = treeError(() => buildAgencyTree(agencies));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AgencyTreeError');
    expect(error.problem).toBe(problem);
    expect(error.codes).toEqual(codes);
    expect(error.message).toMatch(message);
  });

  it('handles a very deep chain without recursion', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) =>
      node(`a${i}`, i === 0 ? null : `a${i - 1}`),
    );
    expect(buildAgencyTree(chain).topDown.at(-1)?.code).toBe('a49999');
  });
});

describe('descendantsOf', () => {
  it.each([
    ['330000', ['330100', '330200', '330102', '330105', '330203', '330205']],
    ['330100', ['330102', '330105']],
    ['330200', ['330203', '330205']],
    ['330102', []],
  ])('of %p is %p (excluding itself)', (code, expected) => {
    expect(descendantsOf({ agencies: PROVINCE_TREE, code })).toEqual(expected);
  });

  it('throws for an unknown agency', () => {
    const error = treeError(() => descendantsOf({ agencies: PROVINCE_TREE, code: '999999' }));
    expect(error.problem).toBe('unknown_agency');
    expect(error.codes).toEqual(['999999']);
  });

  it('throws when the tree is broken elsewhere', () => {
    const broken = [...PROVINCE_TREE, node('x', 'y'), node('y', 'x')];
    expect(() => descendantsOf({ agencies: broken, code: '330100' })).toThrow(AgencyTreeError);
  });

  it('reaches any depth', () => {
    const chain = Array.from({ length: 1_000 }, (_, i) =>
      node(`a${i}`, i === 0 ? null : `a${i - 1}`),
    );
    const descendants = descendantsOf({ agencies: chain, code: 'a0' });
    expect(descendants).toHaveLength(999);
    expect(descendants[0]).toBe('a1');
    expect(descendants.at(-1)).toBe('a999');
  });
});

describe('isWithin', () => {
  const tree = buildAgencyTree(PROVINCE_TREE);

  it.each([
    ['330102', '330102', true],
    ['330102', '330100', true],
    ['330102', '330000', true],
    ['330100', '330102', false],
    ['330203', '330100', false],
    ['999999', '330000', false],
    ['330102', '999999', false],
  ])('%s within %s: %s', (code, ancestor, expected) => {
    expect(isWithin(tree, code, ancestor)).toBe(expected);
  });
});

describe('subtreeOf', () => {
  it('lists an agency and everything below it depth-first, children in code order', () => {
    const shuffled = buildAgencyTree([...PROVINCE_TREE].reverse());
    expect(subtreeOf(shuffled, '330000')).toEqual([
      '330000',
      '330100',
      '330102',
      '330105',
      '330200',
      '330203',
      '330205',
    ]);
  });

  it('is the agency alone for a leaf and empty for an unknown code', () => {
    const tree = buildAgencyTree(PROVINCE_TREE);
    expect(subtreeOf(tree, '330105')).toEqual(['330105']);
    expect(subtreeOf(tree, '999999')).toEqual([]);
  });
});
