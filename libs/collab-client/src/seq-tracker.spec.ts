import { SeqTracker } from './seq-tracker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SeqTracker', () => {
  it('advances over consecutive seqs without reporting a gap', async () => {
    let gaps = 0;
    const tracker = new SeqTracker(20, () => gaps++);
    tracker.reset(3);
    tracker.observe(4);
    tracker.observe(5);
    expect(tracker.seq).toBe(5);
    await sleep(40);
    expect(gaps).toBe(0);
  });

  it('accepts ranges of merged broadcasts, in order, overlapping or ahead', async () => {
    let gaps = 0;
    const tracker = new SeqTracker(20, () => gaps++);
    tracker.reset(3);
    tracker.observeRange(4, 9);
    expect(tracker.seq).toBe(9);
    tracker.observe(8); // an ack of our own update inside that range
    tracker.observeRange(12, 14);
    expect(tracker.hasGap).toBe(true);
    tracker.observeRange(9, 11);
    expect(tracker.seq).toBe(14);
    expect(tracker.hasGap).toBe(false);
    tracker.observeRange(20, 18); // malformed: ignored
    expect(tracker.hasGap).toBe(false);
    await sleep(40);
    expect(gaps).toBe(0);
  });

  it('waits for out-of-order seqs before reporting a gap', async () => {
    let gaps = 0;
    const tracker = new SeqTracker(30, () => gaps++);
    tracker.reset(0);
    tracker.observe(2);
    expect(tracker.hasGap).toBe(true);
    await sleep(10);
    tracker.observe(1);
    expect(tracker.seq).toBe(2);
    await sleep(50);
    expect(gaps).toBe(0);
  });

  it('reports a gap that stays open, once, and settles after repair', async () => {
    let gaps = 0;
    const tracker = new SeqTracker(20, () => gaps++);
    tracker.reset(0);
    tracker.observe(1);
    tracker.observe(3);
    tracker.observe(4);
    await sleep(50);
    expect(gaps).toBe(1);
    tracker.repaired(4);
    expect(tracker.seq).toBe(4);
    expect(tracker.hasGap).toBe(false);
  });

  it('keeps seqs seen before the open and drops those the open covers', () => {
    const tracker = new SeqTracker(20, () => undefined);
    tracker.observe(5);
    tracker.observe(7);
    tracker.reset(6);
    expect(tracker.seq).toBe(7);
    expect(tracker.hasGap).toBe(false);
    tracker.stop();
    expect(tracker.seq).toBe(-1);
  });

  it('ignores old and duplicate seqs', () => {
    const tracker = new SeqTracker(20, () => undefined);
    tracker.reset(10);
    tracker.observe(3);
    tracker.observe(10);
    expect(tracker.hasGap).toBe(false);
    expect(tracker.seq).toBe(10);
  });
});
