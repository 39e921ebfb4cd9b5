import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputFile } from '../../shared/ipc.ts';
import { useT } from '../i18n.ts';

/** Stops every track, so the camera light goes off the moment the screen is left. */
function stop(stream: MediaStream | null) {
  stream?.getTracks().forEach((t) => t.stop());
}

/** The current video frame as PNG bytes (lossless: the pipeline re-encodes what it exports). */
async function grab(video: HTMLVideoElement): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  canvas.width = 0;
  if (!blob) throw new Error('capture failed');
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Webcam or document camera: live preview, capture front (and back), retake, choose among
 * cameras. The camera is asked for only here, when the person opened this screen.
 */
export function Capture({
  onDone,
  onCancel,
}: {
  onDone: (files: InputFile[]) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState<string>('');
  const [shots, setShots] = useState<InputFile[]>([]);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    navigator.mediaDevices
      .getUserMedia({
        video: {
          ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
          width: { ideal: 3840 },
          height: { ideal: 2160 },
        },
        audio: false,
      })
      .then(async (s) => {
        if (!live) return stop(s);
        stream = s;
        setFailed(false);
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        // Device names are only listed once the camera may be used.
        const devices = await navigator.mediaDevices.enumerateDevices();
        if (live) setCameras(devices.filter((d) => d.kind === 'videoinput'));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      stop(stream);
    };
  }, [cameraId]);

  const capture = useCallback(async () => {
    if (!video.current) return;
    const bytes = await grab(video.current);
    setShots((s) => [...s, { name: s.length === 0 ? 'voorkant.png' : 'achterkant.png', bytes }]);
  }, []);

  const side = shots.length === 0 ? t('ui.side_front') : t('ui.side_back');
  return (
    <main className="capture">
      {failed ? (
        <p className="error" role="alert">
          {t('ui.camera_failed')}
        </p>
      ) : (
        <>
          <p>
            {shots.length < 2
              ? t('ui.camera_hold', { side: side.toLowerCase() })
              : t('ui.camera_both')}
          </p>
          <video
            ref={video}
            muted
            playsInline
            onLoadedData={() => setReady(true)}
            aria-label={t('ui.camera_preview')}
          />
        </>
      )}
      {cameras.length > 1 && (
        <label>
          {t('ui.camera_choose')}{' '}
          <select
            value={cameraId}
            onChange={(e) => {
              setReady(false);
              setCameraId(e.target.value);
            }}
          >
            {cameras.map((c, i) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label || t('ui.camera_n', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="hint">
        {shots.map((s, i) => (i === 0 ? t('ui.side_front') : t('ui.side_back'))).join(' + ') || ' '}
      </p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('ui.cancel')}
        </button>
        {shots.length > 0 && (
          <button type="button" onClick={() => setShots((s) => s.slice(0, -1))}>
            {t('ui.camera_retake')}
          </button>
        )}
        {shots.length < 2 && !failed && (
          <button
            type="button"
            className={shots.length === 0 ? 'primary' : ''}
            onClick={capture}
            disabled={!ready}
          >
            {t('ui.camera_capture', { side })}
          </button>
        )}
        {shots.length > 0 && (
          <button type="button" className="primary" onClick={() => onDone(shots)}>
            {t('ui.camera_use')}
          </button>
        )}
      </div>
    </main>
  );
}
