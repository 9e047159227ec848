/** Which sites' own data changed since the last publish: 'all' after a network-wide change. */
export type PublishScope = 'all' | readonly string[];

export interface PublishSchedulerOptions {
  /** Publishes the audience files for a scope; one call at a time. */
  publish: (scope: PublishScope) => Promise<void>;
  /** Called with a failed publish's error (the scope is kept for the next change). */
  onError?: (error: unknown, scope: PublishScope) => void;
  /** Quiet time after the last change before publishing (a burst of writes gives one publish). */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming. */
  maxWaitMs?: number;
}

/**
 * Turns a stream of data changes into as few publishes as possible, never two at once:
 * changes are gathered for `debounceMs` of quiet (at most `maxWaitMs`), merged (sites are
 * unioned; 'all' absorbs everything), and published in one call. Changes that arrive while a
 * publish runs are published once more after it, together.
 *
 * @example
 * ```ts
 * const scheduler = new PublishScheduler({ publish: async (scope) => console.log(scope), debounceMs: 1500 });
 * scheduler.request(['S1']);
 * scheduler.request(['S2']);
 * await scheduler.idle(); // logs ['S1', 'S2'] once, 1.5 s after the second change
 * ```
 */
export class PublishScheduler {
  private pending: Set<string> | 'all' | null = null;
  /** The scope of a failed publish, waiting for the next change to carry it. */
  private failed: PublishScope | null = null;
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt = 0;
  private lastChangeAt = 0;
  private waiters: (() => void)[] = [];
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: PublishSchedulerOptions) {
    this.debounceMs = options.debounceMs ?? 1500;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
  }

  /** Records a change; the publish follows after the quiet time. */
  request(scope: PublishScope): void {
    const now = Date.now();
    if (this.pending === null) this.firstChangeAt = now;
    this.lastChangeAt = now;
    this.merge(scope);
    if (this.failed) this.merge(this.failed);
    this.failed = null;
    if (!this.running) this.arm();
  }

  /** Publishes now, without waiting for quiet (the server's first publish at start). */
  requestNow(scope: PublishScope): void {
    this.merge(scope);
    if (this.failed) this.merge(this.failed);
    this.failed = null;
    this.firstChangeAt = this.lastChangeAt = Date.now() - this.maxWaitMs;
    if (!this.running) this.arm();
  }

  /** Whether a publish is running or waiting to run. */
  get busy(): boolean {
    return this.running !== null || this.timer !== null;
  }

  /** Resolves once nothing is running or waiting (immediately when idle). */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancels a waiting publish (shutdown); a running one finishes. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.settle();
  }

  private merge(scope: PublishScope): void {
    if (scope === 'all' || this.pending === 'all') this.pending = 'all';
    else this.pending = new Set([...(this.pending ?? []), ...scope]);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const now = Date.now();
    const due = Math.min(this.lastChangeAt + this.debounceMs, this.firstChangeAt + this.maxWaitMs);
    this.timer = setTimeout(() => this.run(), Math.max(0, due - now));
  }

  private run(): void {
    this.timer = null;
    const scope: PublishScope | null =
      this.pending === 'all' ? 'all' : this.pending ? [...this.pending].sort() : null;
    this.pending = null;
    if (scope === null) {
      this.settle();
      return;
    }
    this.running = this.options.publish(scope).then(
      () => {},
      (error: unknown) => {
        this.options.onError?.(error, scope);
        // Not retried at once (it would most likely fail again): the next change carries it.
        this.failed = this.failed === 'all' || scope === 'all' ? 'all' : [...(this.failed ?? []), ...scope];
      },
    );
    void this.running.then(() => {
      this.running = null;
      if (this.pending !== null) this.arm();
      this.settle();
    });
  }

  private settle(): void {
    if (this.busy) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
