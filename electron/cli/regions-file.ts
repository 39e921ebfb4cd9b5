import { VkError } from '../../shared/errors.ts';
import { boxToRect, type Region, type Shape } from '../../shared/regions.ts';
import { RegionsFileSchema, type RegionsFile } from '../../shared/regions-file.ts';
import { check, describeError } from '../core/schema/check.ts';

function invalid(reason: string): VkError {
  return new VkError('INVALID_REGIONS', { reason });
}

function shapeOf(item: RegionsFile['regions'][number], where: string): Shape {
  if (item.box) return { type: 'rect', rect: boxToRect(item.box) };
  if (item.polygon) return { type: 'polygon', points: item.polygon.map(([x, y]) => ({ x, y })) };
  throw invalid(`${where}: give "box" or "polygon"`);
}

/** Reads a `--regions` file (shared/regions-file.ts says its shape) into manual regions. */
export function parseRegionsFile(json: string): Region[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw invalid('not valid JSON');
  }
  const result = check(RegionsFileSchema, doc);
  if (!result.ok) throw invalid(describeError(result.error));
  return result.value.regions.map((item, i) => ({
    id: `file-${i + 1}`,
    kind: item.kind ?? 'manual',
    shape: shapeOf(item, `/regions/${i}`),
    source: 'manual',
    confidence: 1,
    label: (item.label ?? '').slice(0, 80),
    side: item.side ?? 0,
  }));
}
