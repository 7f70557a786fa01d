/**
 * Tracks the seqs of a document's update log that this client has seen (its own acks and the
 * broadcasts). The log is dense: seq n+1 follows n. When a seq arrives beyond the next expected one,
 * the missing ones may still come (broadcasts relayed by other nodes can overtake each other); if
 * the gap is still open after `gapDelayMs`, `onGap` asks the server for what is missing (doc:sync).
 */
const MAX_RANGE = 100_000;

export class SeqTracker {
  /** Highest seq up to which everything has been seen; -1 before the first open. */
  private head = -1;
  private readonly ahead = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly gapDelayMs: number,
    private readonly onGap: () => void,
  ) {}

  /** Everything up to `seq` is known (seen or included in a doc:open / doc:sync answer). */
  get seq(): number {
    return this.head;
  }

  get hasGap(): boolean {
    return this.head >= 0 && this.ahead.size > 0;
  }

  /** After doc:open: the answer contained everything up to `seq`. Earlier observations are kept. */
  reset(seq: number): void {
    this.head = Math.max(this.head, seq);
    this.settle();
  }

  /** A seq was seen (an ack of our own update or a broadcast). */
  observe(seq: number): void {
    this.observeRange(seq, seq);
  }

  /** The seqs `from`..`to` were seen (a broadcast of several merged updates). */
  observeRange(from: number, to: number): void {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || to <= this.head) return;
    if (to - from > MAX_RANGE) return; // not a range the server sends (a merge is one group commit)
    // A range that starts at or before the next expected seq moves the head directly.
    if (this.head >= 0 && from <= this.head + 1) this.head = to;
    else for (let seq = Math.max(from, this.head + 1); seq <= to; seq++) this.ahead.add(seq);
    this.settle();
  }

  /** After doc:sync: the answer contained everything up to `seq`. */
  repaired(seq: number): void {
    if (seq > this.head) this.head = seq;
    this.settle();
  }

  /** Re-arms the gap timer after a repair attempt that failed. */
  recheck(): void {
    this.settle();
  }

  /** On disconnect or close: forget everything; the next doc:open starts over. */
  stop(): void {
    this.head = -1;
    this.ahead.clear();
    this.clearTimer();
  }

  private settle(): void {
    for (const seq of this.ahead) if (seq <= this.head) this.ahead.delete(seq);
    if (this.head >= 0) {
      while (this.ahead.delete(this.head + 1)) this.head++;
    }
    if (!this.hasGap) {
      this.clearTimer();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.hasGap) this.onGap();
      }, this.gapDelayMs);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
