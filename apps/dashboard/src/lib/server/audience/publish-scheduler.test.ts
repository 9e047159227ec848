import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PublishScheduler, type PublishScope } from './publish-scheduler';

/** A publish that takes `ms` of (fake) time and records each call's scope and start time. */
function recorder(ms = 5_000) {
  const calls: { scope: PublishScope; at: number }[] = [];
  let running = 0;
  let overlapped = false;
  const publish = async (scope: PublishScope) => {
    calls.push({ scope, at: Date.now() });
    running += 1;
    if (running > 1) overlapped = true;
    await new Promise((resolve) => setTimeout(resolve, ms));
    running -= 1;
  };
  return { calls, publish, overlapped: () => overlapped };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PublishScheduler', () => {
  it('waits for quiet, then publishes a burst of changes once, with their sites merged', async () => {
    const { calls, publish } = recorder();
    const scheduler = new PublishScheduler({ publish, debounceMs: 1500 });
    scheduler.request(['S2']);
    await vi.advanceTimersByTimeAsync(1000);
    scheduler.request(['S1']);
    scheduler.request(['S2']);
    await vi.advanceTimersByTimeAsync(1499);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ scope: ['S1', 'S2'], at: 2500 }]);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    expect(scheduler.busy).toBe(false);
  });

  it('never runs two publishes at once: changes during a publish give exactly one more after it', async () => {
    const recording = recorder(5_000);
    const scheduler = new PublishScheduler({ publish: recording.publish, debounceMs: 1000 });
    scheduler.request(['S1']);
    await vi.advanceTimersByTimeAsync(1000); // first publish starts at 1000, ends at 6000
    scheduler.request(['S3']);
    await vi.advanceTimersByTimeAsync(2000);
    scheduler.request(['S4']);
    scheduler.request('all');
    scheduler.request(['S5']);
    await vi.advanceTimersByTimeAsync(2000); // 5000: still running
    expect(recording.calls.map((call) => call.scope)).toEqual([['S1']]);
    await vi.runAllTimersAsync();
    expect(recording.calls).toEqual([
      { scope: ['S1'], at: 1000 },
      { scope: 'all', at: 6000 },
    ]);
    expect(recording.overlapped()).toBe(false);
  });

  it('publishes at the latest maxWaitMs after the first change while changes keep coming', async () => {
    const { calls, publish } = recorder(100);
    const scheduler = new PublishScheduler({ publish, debounceMs: 1500, maxWaitMs: 4000 });
    for (let t = 0; t < 6000; t += 1000) {
      scheduler.request([`S${t / 1000 + 1}`]);
      await vi.advanceTimersByTimeAsync(1000);
    }
    // Changes every second never give 1.5 s of quiet: the first publish goes at 4 s regardless.
    expect(calls[0]).toEqual({ scope: ['S1', 'S2', 'S3', 'S4'], at: 4000 });
    await vi.runAllTimersAsync();
    expect(calls[1]).toEqual({ scope: ['S5', 'S6'], at: 6500 });
  });

  it('publishes at once when asked to (the first publish at server start)', async () => {
    const { calls, publish } = recorder(100);
    const scheduler = new PublishScheduler({ publish, debounceMs: 1500 });
    scheduler.requestNow('all');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ scope: 'all', at: 0 }]);
    await vi.runAllTimersAsync();
    expect(scheduler.busy).toBe(false);
  });

  it('reports a failed publish and carries its sites into the next change, without retrying in a loop', async () => {
    const scopes: PublishScope[] = [];
    const errors: string[] = [];
    let fail = true;
    const scheduler = new PublishScheduler({
      debounceMs: 1000,
      publish: async (scope) => {
        scopes.push(scope);
        if (fail) throw new Error('disk full');
      },
      onError: (error) => errors.push((error as Error).message),
    });
    scheduler.request(['S1']);
    await vi.runAllTimersAsync();
    expect(errors).toEqual(['disk full']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(scopes).toEqual([['S1']]);
    fail = false;
    scheduler.request(['S2']);
    await vi.runAllTimersAsync();
    expect(scopes).toEqual([['S1'], ['S1', 'S2']]);
  });

  it('idle() resolves when nothing is running or waiting', async () => {
    const { publish } = recorder(3000);
    const scheduler = new PublishScheduler({ publish, debounceMs: 1000 });
    let idle = false;
    scheduler.request(['S1']);
    void scheduler.idle().then(() => {
      idle = true;
    });
    await vi.advanceTimersByTimeAsync(3999);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(idle).toBe(true);
  });
});
