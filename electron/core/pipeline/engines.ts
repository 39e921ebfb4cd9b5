import { FaceDetector } from './find/faces.ts';
import { OcrEngine } from './ocr/engine.ts';

/** The long-lived models: started once, reused for every document of a session or batch. */
export interface Engines {
  ocr: OcrEngine;
  faces: FaceDetector;
}

export function createEngines(): Engines {
  return { ocr: new OcrEngine(), faces: new FaceDetector() };
}

export async function closeEngines(engines: Engines): Promise<void> {
  await engines.ocr.close();
}
