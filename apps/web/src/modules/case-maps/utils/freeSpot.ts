/** Within this distance a new node would hide an existing one. */
const CLOSE = 24;
const STEP = 32;

/**
 * Where to put a new node near `wanted` without covering a node already there: shifted diagonally
 * until the spot is free (nodes added one after another from the toolbar cascade).
 */
export function freeSpot(
  taken: ReadonlyArray<{ x: number; y: number }>,
  wanted: { x: number; y: number },
): { x: number; y: number } {
  let spot = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let i = 0; i < 50; i++) {
    const busy = taken.some(
      (n) => Math.abs(n.x - spot.x) < CLOSE && Math.abs(n.y - spot.y) < CLOSE,
    );
    if (!busy) return spot;
    spot = { x: spot.x + STEP, y: spot.y + STEP };
  }
  return spot;
}
