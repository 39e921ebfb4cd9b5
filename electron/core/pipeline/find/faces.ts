import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { centreIn, overlapRatio, type Box } from '../../../../shared/regions.ts';
import type { RawImage } from '../raw-image.ts';
import { shippedFile } from '../shipped.ts';
import { cropRaw } from '../vision/crop.ts';
import { resizeRaw } from '../vision/resize.ts';

const require = createRequire(import.meta.url);
// The package's exports map hides package.json; its main entry sits in dist/.
const HUMAN_DIR = path.dirname(path.dirname(shippedFile('faceDetector')));
const WASM_DIR = path.dirname(shippedFile('tfjsWasm'));

export interface FaceBox {
  box: Box;
  score: number;
}

interface ModelJson {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightsManifest: { paths: string[]; weights: unknown[] }[];
}

interface TensorLike {
  dispose(): void;
}
interface HumanLike {
  tf: {
    ready(): Promise<void>;
    tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): TensorLike;
    io: { registerLoadRouter(router: (url: string | string[]) => unknown): void };
  };
  load(): Promise<void>;
  detect(input: TensorLike): Promise<{
    face: { box: [number, number, number, number]; boxScore?: number; score: number }[];
  }>;
}

/**
 * tfjs only loads models over http(s) unless the Node binding is installed (it cannot be,
 * offline). This router reads `file://` model URLs straight from the shipped npm package.
 */
function fileModelRouter(url: string | string[]) {
  const u = Array.isArray(url) ? url[0] : url;
  if (typeof u !== 'string' || !u.startsWith('file://')) return null;
  const file = new URL(u).pathname;
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
      const weights = Buffer.concat(
        json.weightsManifest.flatMap((g) =>
          g.paths.map((p) => readFileSync(path.join(path.dirname(file), p))),
        ),
      );
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
      };
    },
  };
}

/** Faces are found on a copy no larger than this; portraits stay well above the model's input size. */
const DETECT_LONG_SIDE = 1024;

/**
 * BlazeFace (via @vladmandic/human, tfjs wasm backend): model and wasm ship in npm packages and
 * load from disk. Loaded once, reused for every document.
 */
export class FaceDetector {
  private human: Promise<HumanLike> | null = null;

  private async start(): Promise<HumanLike> {
    // The tfjs wasm glue installs process-wide handlers that rethrow every uncaught error and
    // print its whole source; remove them so one failure cannot take the process down.
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
    const { Human } = require(path.join(HUMAN_DIR, 'dist/human.node-wasm.js')) as {
      Human: new (config: unknown) => HumanLike;
    };
    const human = new Human({
      backend: 'wasm',
      wasmPath: pathToFileURL(path.join(WASM_DIR, 'dist') + path.sep).href,
      modelBasePath: pathToFileURL(path.join(HUMAN_DIR, 'models') + path.sep).href,
      debug: false,
      async: true,
      warmup: 'none',
      cacheSensitivity: 0,
      filter: { enabled: false },
      face: {
        enabled: true,
        detector: {
          rotation: false,
          maxDetected: 8,
          minConfidence: 0.15,
          iouThreshold: 0.3,
          return: false,
        },
        mesh: { enabled: false },
        iris: { enabled: false },
        emotion: { enabled: false },
        description: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
        attention: { enabled: false },
      },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
    });
    human.tf.io.registerLoadRouter(fileModelRouter);
    await human.load();
    await human.tf.ready();
    for (const listener of process.listeners('uncaughtException')) {
      if (!before.uncaughtException.includes(listener))
        process.removeListener('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!before.unhandledRejection.includes(listener))
        process.removeListener('unhandledRejection', listener);
    }
    return human;
  }

  /** Loads the model now; a failed load is forgotten, to be tried again when used. */
  async warm(): Promise<void> {
    this.human ??= this.start();
    await this.human.then(
      () => undefined,
      () => void (this.human = null),
    );
  }

  async detect(img: RawImage): Promise<FaceBox[]> {
    this.human ??= this.start();
    const human = await this.human;
    const small =
      Math.max(img.width, img.height) > DETECT_LONG_SIDE
        ? await resizeRaw(img, DETECT_LONG_SIDE)
        : img;
    const k = img.width / small.width;
    const input = human.tf.tensor3d(
      new Uint8Array(small.data),
      [small.height, small.width, 3],
      'int32',
    );
    try {
      const result = await human.detect(input);
      return result.face.map((f) => ({
        box: { x: f.box[0] * k, y: f.box[1] * k, width: f.box[2] * k, height: f.box[3] * k },
        score: f.boxScore ?? f.score,
      }));
    } finally {
      input.dispose();
    }
  }
}

/**
 * The faces in `area` of the image, in the image's pixels: cut out, a face is larger in the
 * model's 256 px view than on the whole page (a ghost image, a portrait in a shadow).
 */
export async function facesIn(
  img: RawImage,
  area: Box,
  detector: FaceDetector,
): Promise<FaceBox[]> {
  const crop = await cropRaw(img, area);
  return (await detector.detect(crop)).map((f) => ({
    box: { ...f.box, x: f.box.x + area.x, y: f.box.y + area.y },
    score: f.score,
  }));
}

/** One face per place: the best look of each, those overlapping a better one dropped. */
export function bestLooks(found: readonly FaceBox[]): FaceBox[] {
  const kept: FaceBox[] = [];
  for (const f of [...found].sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => overlapRatio(k.box, f.box) > 0)) kept.push(f);
  }
  return kept;
}

/** The closer look's square, this many times the face's larger side. */
const CLOSER = 2.5;
/** The face seen closer is the same face: about as large as the one it confirms. */
const SAME_SIZE = { min: 0.6, max: 1.6 };

/**
 * The square the face model looks closer in: `box`'s longer side `CLOSER` times, on its centre,
 * moved inside the image at its edges (the model sees a square).
 */
export function closerSquare(img: RawImage, box: Box): Box {
  const side = Math.min(CLOSER * Math.max(box.width, box.height), img.width, img.height);
  const x = Math.round(Math.min(Math.max(0, box.x + box.width / 2 - side / 2), img.width - side));
  const y = Math.round(Math.min(Math.max(0, box.y + box.height / 2 - side / 2), img.height - side));
  return { x, y, width: side, height: side };
}

/**
 * The face of about `face`'s size centred in it that a square around it shows best, if the model
 * scores it `atLeast` there, or null: a face small in the model's 256 px view of a page or a tile
 * is large in this one.
 */
export async function closerLook(
  img: RawImage,
  face: Box,
  detector: FaceDetector,
  atLeast: number,
): Promise<FaceBox | null> {
  const seen = (await facesIn(img, closerSquare(img, face), detector))
    .filter((f) => {
      const size = f.box.width / face.width;
      return (
        f.score >= atLeast &&
        size >= SAME_SIZE.min &&
        size <= SAME_SIZE.max &&
        centreIn(f.box, face)
      );
    })
    .sort((a, b) => b.score - a.score);
  return seen[0] ?? null;
}
