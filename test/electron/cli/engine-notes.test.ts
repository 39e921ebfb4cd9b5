import { describe, expect, it } from 'vitest';
import { keepEngineNotesOut, withoutEngineNotes } from '../../../electron/cli/engine-notes.ts';

describe("leptonica's notes on stderr", () => {
  it('drops the notes leptonica prints when it recovers, line by line', () => {
    const notes =
      'Error in boxClipToRectangle: box outside rectangle\nError in pixScanForForeground: invalid box\n';
    expect(withoutEngineNotes(notes)).toBe('');
    expect(withoutEngineNotes(`Let op: BSN niet gevonden.\n${notes}`)).toBe(
      'Let op: BSN niet gevonden.\n',
    );
  });

  it("keeps the program's own messages, errors included", () => {
    for (const line of [
      'Fout: bestand niet gevonden: paspoort.jpg\n',
      'Error: file not found: passport.jpg\n',
      'Error in the input: the PDF has no pages\n',
      '  controleren  a.jpg → a.pdf  (Documentnummer kon niet worden gelezen.)\n',
    ])
      expect(withoutEngineNotes(line)).toBe(line);
  });

  it('keeps them out of the stream it guards, and still tells the writer it was written', async () => {
    const written: string[] = [];
    const stream = {
      write: (chunk: string | Uint8Array, done?: () => void) => {
        written.push(String(chunk));
        done?.();
        return true;
      },
    } as unknown as NodeJS.WriteStream;
    keepEngineNotesOut(stream);
    let called = false;
    stream.write(Buffer.from('Error in boxClipToRectangle: box outside rectangle\n'), () => {
      called = true;
    });
    stream.write('Opgeslagen: kopie.pdf\n');
    await Promise.resolve();
    expect(called).toBe(true);
    expect(written).toEqual(['Opgeslagen: kopie.pdf\n']);
  });
});
