import { VkError } from './errors.ts';
import { boxToRect, finite, isRegionKind, type Point, type Region, type Shape } from './regions.ts';

/**
 * Parses the `--regions` JSON: `{"regions":[{"kind":"manual","box":{x,y,width,height}}]}`, or
 * `"polygon":[[x,y],…]`, optional `"side"` (0 front, 1 back). Coordinates are display pixels.
 */
export function parseRegionsFile(json: string): Region[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw invalid('not valid JSON');
  }
  const list = (doc as { regions?: unknown })?.regions;
  if (!Array.isArray(list)) throw invalid('expected {"regions": [...]}');
  return list.map((item, i) => parseRegion(item, i));
}

function invalid(reason: string): VkError {
  return new VkError('INVALID_REGIONS', { reason });
}

function parseShape(item: Record<string, unknown>, where: string): Shape {
  const box = item.box as Record<string, unknown> | undefined;
  if (box && typeof box === 'object') {
    const { x, y, width, height } = box;
    if (![x, y, width, height].every(finite) || (width as number) <= 0 || (height as number) <= 0) {
      throw invalid(`${where}: box needs numbers x, y and positive width, height`);
    }
    return {
      type: 'rect',
      rect: boxToRect({ x, y, width, height } as {
        x: number;
        y: number;
        width: number;
        height: number;
      }),
    };
  }
  if (Array.isArray(item.polygon)) {
    const points: Point[] = item.polygon.map((p: unknown) => {
      if (!Array.isArray(p) || p.length !== 2 || !p.every(finite)) {
        throw invalid(`${where}: polygon points must be [x, y] number pairs`);
      }
      return { x: p[0] as number, y: p[1] as number };
    });
    if (points.length < 3) throw invalid(`${where}: a polygon needs at least 3 points`);
    return { type: 'polygon', points };
  }
  throw invalid(`${where}: give "box" or "polygon"`);
}

function parseRegion(item: unknown, index: number): Region {
  const where = `region ${index + 1}`;
  if (!item || typeof item !== 'object') throw invalid(`${where}: not an object`);
  const obj = item as Record<string, unknown>;
  const kind = obj.kind ?? 'manual';
  if (!isRegionKind(kind)) throw invalid(`${where}: unknown kind`);
  const side = obj.side ?? 0;
  if (side !== 0 && side !== 1) throw invalid(`${where}: side must be 0 or 1`);
  return {
    id: `file-${index + 1}`,
    kind,
    shape: parseShape(obj, where),
    source: 'manual',
    confidence: 1,
    label: typeof obj.label === 'string' ? obj.label.slice(0, 80) : '',
    side,
  };
}
