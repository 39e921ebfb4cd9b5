import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The shared real-specimen fixtures (test use only, never shipped); absent on some machines. */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../../shared/fixtures/real');

export function fixturesAvailable(): boolean {
  return existsSync(path.join(FIXTURES_DIR, 'MANIFEST.tsv'));
}

export interface ManifestRow {
  file: string;
  documentType: string;
  hasMrz: boolean;
  mrzTruth: string[] | null;
}

export function readManifest(): ManifestRow[] {
  const rows = readFileSync(path.join(FIXTURES_DIR, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return rows.map((line) => {
    const c = line.split('\t');
    return {
      file: c[0] ?? '',
      documentType: c[5] ?? '',
      hasMrz: (c[7] ?? '').startsWith('yes'),
      mrzTruth: c[9] ? c[9].split('|') : null,
    };
  });
}

export function fixtureBytes(file: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, file));
}

interface RelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Field boxes (relative 0..1) for the ausweiskopie__ specimens, keyed by fixture file name. */
export function ausweiskopieFields(): Map<string, Record<string, RelBox[]>> {
  const json = JSON.parse(
    readFileSync(path.join(FIXTURES_DIR, 'ausweiskopie__field_boxes_relative.json'), 'utf8'),
  ) as {
    image_to_definition: Record<string, string>;
    definitions: Record<string, Record<string, RelBox[]>>;
  };
  const out = new Map<string, Record<string, RelBox[]>>();
  for (const [image, def] of Object.entries(json.image_to_definition)) {
    const file = `ausweiskopie__${image}`;
    const fields = json.definitions[def];
    if (fields && existsSync(path.join(FIXTURES_DIR, file))) out.set(file, fields);
  }
  return out;
}
