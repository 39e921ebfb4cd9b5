import { describe, expect, it } from 'vitest';
import { parseRegionsFile } from '../../../electron/cli/regions-file.ts';
import { VkError } from '../../../shared/errors.ts';

describe('regions file', () => {
  it('reads boxes and polygons with kinds and sides', () => {
    const regions = parseRegionsFile(
      JSON.stringify({
        regions: [
          { kind: 'manual', box: { x: 100, y: 100, width: 200, height: 80 } },
          {
            kind: 'mrz',
            side: 1,
            polygon: [
              [0, 0],
              [10, 0],
              [10, 10],
            ],
          },
        ],
      }),
    );
    expect(regions).toHaveLength(2);
    expect(regions[0]?.shape.type).toBe('rect');
    expect(regions[1]).toMatchObject({ kind: 'mrz', side: 1, source: 'manual' });
  });
  it.each([
    ['not json', '{', /not valid JSON/],
    ['no list', '{}', /^\/ must have required property 'regions'/],
    [
      'bad kind',
      '{"regions":[{"kind":"nose","box":{"x":0,"y":0,"width":1,"height":1}}]}',
      /^\/regions\/0\/kind must be equal to one of the allowed values: photo/,
    ],
    [
      'negative size',
      '{"regions":[{"box":{"x":0,"y":0,"width":-1,"height":1}}]}',
      /^\/regions\/0\/box\/width must be > 0/,
    ],
    [
      'short polygon',
      '{"regions":[{"polygon":[[0,0],[1,1]]}]}',
      /^\/regions\/0\/polygon must NOT have fewer than 3 items/,
    ],
    ['no shape', '{"regions":[{"kind":"manual"}]}', /^\/regions\/0: give "box" or "polygon"/],
    [
      'bad side',
      '{"regions":[{"side":3,"box":{"x":0,"y":0,"width":1,"height":1}}]}',
      /^\/regions\/0\/side must be <= 1/,
    ],
    [
      'a misspelt field',
      '{"regions":[{"bx":{"x":0,"y":0,"width":1,"height":1}}]}',
      /^\/regions\/0 must NOT have additional properties "bx"/,
    ],
  ])('rejects %s with INVALID_REGIONS and the reason', (_, json, reason) => {
    let error: unknown;
    try {
      parseRegionsFile(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VkError);
    expect((error as VkError).code).toBe('INVALID_REGIONS');
    expect(String((error as VkError).params?.reason)).toMatch(reason);
  });
});
