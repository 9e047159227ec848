import { describe, expect, it } from 'vitest';
import { audienceKey } from './audience/audience-key.ts';
import { dataChanged, onDataChanged } from './data-changes.ts';

describe('audienceKey', () => {
  it('matches its documented example and names the network audiences', () => {
    expect(audienceKey({ kind: 'site', siteId: 'S1' })).toBe('site-S1');
    expect(audienceKey({ kind: 'network' })).toBe('network');
    expect(audienceKey({ kind: 'advisory' })).toBe('advisory');
  });

  it('cannot be made to name a path outside its folder', () => {
    expect(audienceKey({ kind: 'site', siteId: '../network' })).toBe('site-___network');
    expect(audienceKey({ kind: 'site', siteId: 'S1/../../etc' })).toBe('site-S1_______etc');
  });
});

describe('dataChanged', () => {
  it('matches its documented example', () => {
    const seen: string[] = [];
    const stop = onDataChanged((change) => seen.push(change.reason));
    dataChanged({ siteId: 'S1', reason: 'submission S1 2025-04 v2' });
    stop();
    expect(seen).toEqual(['submission S1 2025-04 v2']);
  });

  it('tells every listener, and none after they unsubscribe', () => {
    const a: (string | null)[] = [];
    const b: (string | null)[] = [];
    const stopA = onDataChanged((change) => a.push(change.siteId));
    const stopB = onDataChanged((change) => b.push(change.siteId));
    dataChanged({ siteId: 'S2', reason: 'aim' });
    stopA();
    dataChanged({ siteId: null, reason: 'reference tables' });
    stopB();
    dataChanged({ siteId: 'S3', reason: 'after' });
    expect(a).toEqual(['S2']);
    expect(b).toEqual(['S2', null]);
  });
});
