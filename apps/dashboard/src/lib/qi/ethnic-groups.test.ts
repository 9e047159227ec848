import { describe, expect, it } from 'vitest';
import { testReference } from '../server/testing/qi-test-store';
import {
  aimEthnicGroupOptions,
  aimPopulation,
  categoriesInGroups,
  knownEthnicGroups,
  splitGroups,
} from './ethnic-groups';

const categories = testReference.ethnicCategories;

describe('ethnic groups of aims', () => {
  it('offers the level-1 groups without unknown ethnicity', () => {
    expect(aimEthnicGroupOptions(categories).map((group) => group.code)).toEqual([
      'WHITE',
      'ASIAN',
      'BLACK',
      'MIXED',
      'OTHER',
    ]);
  });

  it('knows the level-2 groups stored aims may use, in words', () => {
    const groups = knownEthnicGroups(categories);
    expect(groups.get('BANGLADESHI')?.adjective).toBe('Bangladeshi');
    expect(groups.get('OTHER_ASIAN')?.adjective).toBe('other Asian');
    expect(groups.get('BLACK_CARIBBEAN')?.adjective).toBe('Black Caribbean');
    expect(groups.has('UNKNOWN')).toBe(false);
  });

  it('says who an aim is for', () => {
    const groups = knownEthnicGroups(categories);
    expect(aimPopulation(['ALL'], groups)).toBe('all women');
    expect(aimPopulation(['BLACK'], groups)).toBe('Black women');
    expect(aimPopulation(['ASIAN', 'BLACK', 'OTHER'], groups)).toBe('Asian, Black and other-ethnicity women');
  });

  it('maps groups to the NHS codes to pool', () => {
    expect([...categoriesInGroups(categories, ['BLACK'])]).toEqual(['M', 'N', 'P']);
    expect([...categoriesInGroups(categories, ['BANGLADESHI', 'WHITE'])].sort()).toEqual([
      'A',
      'B',
      'C',
      'K',
    ]);
    expect([...categoriesInGroups(categories, ['ALL', 'BLACK'])]).toEqual(['ALL']);
    expect(splitGroups('BLACK;MIXED')).toEqual(['BLACK', 'MIXED']);
    expect(splitGroups(null)).toEqual(['ALL']);
  });
});
