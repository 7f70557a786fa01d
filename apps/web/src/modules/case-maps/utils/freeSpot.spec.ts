import { describe, expect, it } from '@jest/globals';
import { freeSpot } from './freeSpot';

describe('freeSpot', () => {
  it('keeps a free spot and cascades past taken ones', () => {
    expect(freeSpot([], { x: 10.4, y: 20.6 })).toEqual({ x: 10, y: 21 });
    expect(freeSpot([{ x: 0, y: 0 }], { x: 100, y: 0 })).toEqual({ x: 100, y: 0 });
    expect(
      freeSpot(
        [
          { x: 0, y: 0 },
          { x: 32, y: 40 },
        ],
        { x: 5, y: 5 },
      ),
    ).toEqual({ x: 69, y: 69 });
  });
});
