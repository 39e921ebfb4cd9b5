import { REGION_KINDS } from './regions.ts';
import { type Static, StringEnum, Type } from './schema.ts';

const Coordinate = Type.Number();

/**
 * The `--regions` JSON: `{"regions":[{"kind":"manual","box":{x,y,width,height}}]}`, or
 * `"polygon":[[x,y],…]`, optional `"side"` (0 front, 1 back) and `"label"`. Display pixels.
 */
export const RegionsFileSchema = Type.Object({
  regions: Type.Array(
    Type.Object(
      {
        kind: Type.Optional(StringEnum(REGION_KINDS)),
        side: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
        label: Type.Optional(Type.String()),
        box: Type.Optional(
          Type.Object(
            {
              x: Coordinate,
              y: Coordinate,
              width: Type.Number({ exclusiveMinimum: 0 }),
              height: Type.Number({ exclusiveMinimum: 0 }),
            },
            { additionalProperties: false },
          ),
        ),
        polygon: Type.Optional(
          Type.Array(Type.Tuple([Coordinate, Coordinate]), { minItems: 3, maxItems: 64 }),
        ),
      },
      { additionalProperties: false },
    ),
    { maxItems: 200 },
  ),
});
export type RegionsFile = Static<typeof RegionsFileSchema>;
