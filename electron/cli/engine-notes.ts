/**
 * Leptonica, inside tesseract.js's wasm core, reports trouble it recovers from on stderr ("Error
 * in boxClipToRectangle: box outside rectangle" on a tilted photo's text), and tesseract.js
 * pipes its workers' stderr straight into the process's with no option to turn it off. On a
 * terminal those lines read as if the copy failed. They follow leptonica's own "Error in
 * <function>: " form, which no message of this program uses.
 */
const LEPTONICA_NOTE = /^Error in [A-Za-z_]\w*: /;

/** The chunk without leptonica's notes; empty when it held nothing else. */
export function withoutEngineNotes(chunk: string): string {
  return chunk
    .split(/(?<=\n)/)
    .filter((line) => !LEPTONICA_NOTE.test(line))
    .join('');
}

/** Keeps leptonica's notes out of `stream` (the process's stderr) from now on. */
export function keepEngineNotesOut(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (
    chunk: string | Uint8Array,
    ...rest: never[]
  ) => boolean;
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const kept = withoutEngineNotes(text);
    if (kept.length === 0) {
      // Written as far as the caller knows: its callback still runs.
      const done = rest.find((r): r is never => typeof r === 'function');
      if (done) queueMicrotask(() => (done as () => void)());
      return true;
    }
    return write(kept === text ? chunk : kept, ...rest);
  }) as typeof stream.write;
}
