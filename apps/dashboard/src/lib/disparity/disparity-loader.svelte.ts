import type { DisparityNetworkBundle, MeasureCountsBundle } from './disparity-bundle';
import { fetchDisparityNetwork, fetchMeasureCounts } from './disparity-data';

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * The Disparity explorer's and Measure page's data as reactive state: the network's index,
 * then one measure's counts at a time (the latest asked for wins). The pages call the loads
 * from their own effects, so they decide what the loads depend on.
 */
export class DisparityLoader {
  /** undefined while loading; null when there is no such data (or it is not shared with this user). */
  network = $state<DisparityNetworkBundle | null | undefined>(undefined);
  counts = $state<MeasureCountsBundle | null>(null);
  error = $state<string | null>(null);
  private wanted: string | null = null;

  /** Fetches the index, or settles on null when the user's audience does not see the page. */
  loadNetwork(shared: boolean): void {
    if (!shared) {
      this.network = null;
      return;
    }
    fetchDisparityNetwork().then(
      (loaded) => (this.network = loaded),
      (failure: unknown) => (this.error = message(failure)),
    );
  }

  /** Fetches one measure's counts (cached per tab); an answer for a measure no longer wanted is dropped. */
  loadCounts(network: DisparityNetworkBundle, measureId: string): void {
    this.wanted = measureId;
    fetchMeasureCounts(network, measureId).then(
      (fetched) => {
        if (this.wanted === measureId) this.counts = fetched;
      },
      (failure: unknown) => (this.error = message(failure)),
    );
  }

  /** The loaded counts when they are the given measure's, else null (while the next loads). */
  countsFor(measureId: string | undefined): MeasureCountsBundle | null {
    return this.counts && this.counts.measure_id === measureId ? this.counts : null;
  }
}
