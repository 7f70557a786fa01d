import { jest } from '@jest/globals';
import { Emitter } from './emitter.js';

describe('Emitter', () => {
  it('delivers to listeners until they unsubscribe', () => {
    const emitter = new Emitter<{ ping: number }>();
    const seen: number[] = [];
    const off = emitter.on('ping', (n) => seen.push(n));
    emitter.emit('ping', 1);
    off();
    emitter.emit('ping', 2);
    expect(seen).toEqual([1]);
  });

  it('keeps calling the other listeners when one throws (the error is rethrown async)', async () => {
    const emitter = new Emitter<{ ping: number }>();
    const seen: number[] = [];
    const thrown: unknown[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void) =>
      realSetTimeout(() => {
        try {
          fn();
        } catch (error) {
          thrown.push(error);
        }
      })) as unknown as typeof setTimeout);
    emitter.on('ping', () => {
      throw new Error('listener bug');
    });
    emitter.on('ping', (n) => seen.push(n));
    emitter.emit('ping', 7);
    spy.mockRestore();
    await new Promise((resolve) => realSetTimeout(resolve, 5));
    expect(seen).toEqual([7]);
    expect(thrown).toHaveLength(1);
  });
});
