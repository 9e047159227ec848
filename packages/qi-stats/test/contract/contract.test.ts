// The public contract (shared/spec/qi-stats-api.d.ts, copied beside this
// file) must stay satisfied: every function it declares is exported, and
// assignable to the declared signature. The assignments below are checked by
// `tsc` (the package's typecheck task); the runtime test checks the exports
// exist in the built module graph.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import type * as Contract from './qi-stats-api.js';

const controlChart: typeof Contract.controlChart = api.controlChart;
const ihiRunChart: typeof Contract.ihiRunChart = api.ihiRunChart;
const makingDataCount: typeof Contract.makingDataCount = api.makingDataCount;
const proportionInterval: typeof Contract.proportionInterval = api.proportionInterval;
const rateInterval: typeof Contract.rateInterval = api.rateInterval;
const standardisedRate: typeof Contract.standardisedRate = api.standardisedRate;
const riskRatio: typeof Contract.riskRatio = api.riskRatio;
const rateRatio: typeof Contract.rateRatio = api.rateRatio;
const inequality: typeof Contract.inequality = api.inequality;

describe('public contract (qi-stats-api.d.ts)', () => {
  it('exports every function the contract declares', () => {
    const declared = {
      controlChart,
      ihiRunChart,
      makingDataCount,
      proportionInterval,
      rateInterval,
      standardisedRate,
      riskRatio,
      rateRatio,
      inequality,
    };
    for (const [name, fn] of Object.entries(declared)) {
      expect(typeof fn, name).toBe('function');
    }
  });
});
