import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeEngines,
  createEngines,
  type Engines,
} from '../../../../electron/core/pipeline/engines.ts';
import type { FaceDetector } from '../../../../electron/core/pipeline/find/faces.ts';
import { redactDocument } from '../../../../electron/core/pipeline/index.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { rotateRaw, unrotateBox } from '../../../../electron/core/pipeline/orient.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';
import { passportPage } from '../../../synth/documents.ts';
import { Sheet } from '../../../synth/draw.ts';
import { randomHolder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';
import { corners, type TruthPolygon } from '../../../synth/variants.ts';
import { expectSafeCopy } from '../../../helpers/expect-safe-copy.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));

/**
 * The face model as it behaves on real photos, where it finds a portrait lying sideways too (the
 * drawn portraits here it finds only upright): faces at a quarter turn are added.
 */
const seesSidewaysFaces: Engines = {
  ocr: engines.ocr,
  faces: {
    detect: async (img: RawImage) => {
      const turned = await engines.faces.detect(await rotateRaw(img, 270));
      const found = turned.map((f) => ({
        ...f,
        box: unrotateBox(f.box, 270, img.width, img.height),
      }));
      return [...(await engines.faces.detect(img)), ...found];
    },
  } as FaceDetector,
};

/** What an opened booklet's facing page prints, in lines that read upright. */
const FACING = [
  'Dit paspoort is eigendom van de Staat der Nederlanden.',
  'This passport is the property of the Netherlands.',
  'Ce passeport est la propriete des Pays-Bas.',
  'Bij verlies of diefstal direct melden bij de politie.',
  'In case of loss report to the police immediately.',
  'Houder van dit paspoort moet het zorgvuldig bewaren.',
];

describe('an open booklet photographed with its data page lying sideways', () => {
  it('turns the data page upright to black out its MRZ, though its face and the facing page read upright', async () => {
    const rng = createRng(41);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 41, country: 'NLD' });
    // The data page turned a quarter clockwise on the left, the facing page upright on the right.
    const turned = await sharp(page.png).rotate(90).png().toBuffer();
    const facing = new Sheet(page.height, page.width);
    for (const [i, line] of FACING.entries()) await facing.text(line, 40, 120 + i * 60, 20);
    const bytes = await sharp({
      create: { width: 2 * page.height, height: page.width, channels: 3, background: '#ffffff' },
    })
      .composite([
        { input: turned, left: 0, top: 0 },
        { input: await facing.render('#f6f4ee'), left: page.height, top: 0 },
      ])
      .jpeg({ quality: 90 })
      .toBuffer();
    const turn = (t: TruthPolygon): TruthPolygon => ({
      ...t,
      polygon: t.polygon.map((p) => ({ x: page.height - p.y, y: p.x })),
    });
    const truth = {
      name: 'open booklet',
      secrets: page.secrets.map(corners).map(turn),
      keep: page.keep.map(corners).map(turn),
    };

    const result = await redactDocument({
      sides: [bytes],
      settings: { detect: true, keep: [], lang: 'nl', watermark: null },
      engines: seesSidewaysFaces,
    });

    expect(result.document).toMatchObject({ kind: 'passport', issuingState: 'NLD' });
    expectSafeCopy(await loadImage(bytes), result.sides[0]!.image, truth);
  });
});
