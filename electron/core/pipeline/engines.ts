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

/**
 * Starts the OCR workers and the face model now, side by side, rather than at the first
 * document: an app warms them while the person picks a file, a batch while its first file is
 * decoded. A model that fails to start says so at its first real use.
 */
export async function warmEngines(engines: Engines): Promise<void> {
  await Promise.all([engines.ocr.warm(), engines.faces.warm()]);
}

export async function closeEngines(engines: Engines): Promise<void> {
  await engines.ocr.close();
}
