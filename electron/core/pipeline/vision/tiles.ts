/**
 * Tile origins along one side, at most `step` apart (by default overlapping by a third), the last
 * one flush with the end.
 */
export function tileStarts(length: number, tile: number, step = tile * (2 / 3)): number[] {
  if (length <= tile) return [0];
  const n = Math.ceil((length - tile) / step) + 1;
  return Array.from({ length: n }, (_, i) => Math.round(((length - tile) * i) / (n - 1)));
}
