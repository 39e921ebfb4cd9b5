// The pipeline's one door. The CLI and the app service import only from here (lint refuses a
// deeper import from outside the pipeline), so its inside can change without them noticing.

// The verbs: load a document's sides, analyse them (detect + plan), produce the safe copy
// (watermark, burn, independent self-check), and encode it.
export {
  analyzeDocument,
  loadDocument,
  redactDocument,
  redactImages,
  type RedactResult,
} from './redact.ts';
export { produceSafeCopy, renderSafeCopy } from './safe-copy.ts';
export { enforcePolicy } from './policy.ts';
export { encodeCopy, exportFormatFromPath } from './export/index.ts';
export { renderLetterPages } from './export/letter-page.ts';
export { logoPng, toPng } from './export/png.ts';

// What a caller holds between verbs.
export { closeEngines, createEngines, warmEngines, type Engines } from './engines.ts';
export type { RawImage } from './raw-image.ts';
export type { SideDetection } from './side-detection.ts';
// Every page of a many-page file, one by one (the CLI's batch of scans).
export { decodeFile } from './input/decoder.ts';
// Where the program runs from: the CLI finds its sample and an organisation's config there.
export { programRoot } from './program-root.ts';
export type { Plan } from './plan.ts';
// Cancel and time limits travel as an AbortSignal whose reason is the error to show.
export { stopIfAborted, untilAborted } from './timeout.ts';
