import { useRef, useState, type DragEvent } from 'react';
import { INPUT_ACCEPT } from '../../shared/input-formats.ts';
import type { InputFile } from '../../shared/ipc.ts';
import { useT } from '../i18n.ts';

async function toInputs(files: FileList | File[]): Promise<InputFile[]> {
  return Promise.all(
    [...files]
      .slice(0, 2)
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** Drop, choose or paste the front (and back) of the document. */
export function Start({
  onFiles,
  onOpenDialog,
  onCamera,
}: {
  onFiles: (files: InputFile[]) => void;
  onOpenDialog: () => void;
  onCamera: () => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles(await toInputs(e.dataTransfer.files));
  };
  return (
    <main className="start">
      <p className="tagline">{t('ui.tagline')}</p>
      <section
        aria-label={t('ui.drop')}
        className={`dropzone ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>{t('ui.drop')}</p>
        <button type="button" className="primary" onClick={onOpenDialog}>
          {t('ui.choose')}
        </button>{' '}
        <button type="button" onClick={onCamera}>
          {t('ui.camera')}
        </button>
        <input
          ref={input}
          type="file"
          accept={INPUT_ACCEPT}
          multiple
          hidden
          onChange={async (e) => e.target.files?.length && onFiles(await toInputs(e.target.files))}
        />
        <p className="hint">{t('ui.paste_hint')}</p>
      </section>
    </main>
  );
}

export { toInputs };
