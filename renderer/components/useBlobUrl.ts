import { useEffect, useMemo } from 'react';

/** An object URL for PNG bytes, revoked when the bytes change or the view goes away. */
export function useBlobUrl(bytes: Uint8Array | null | undefined): string | null {
  const url = useMemo(
    () =>
      bytes ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/png' })) : null,
    [bytes],
  );
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}
