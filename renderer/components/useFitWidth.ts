import { useCallback, useEffect, useState } from 'react';

/**
 * The width (px) at which an image of this aspect ratio fits the frame whole, both ways: a tall
 * phone photo shows its MRZ without scrolling. Follows the frame as the window changes size.
 */
export function useFitWidth(aspect: number): [(el: HTMLDivElement | null) => void, number | null] {
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [fit, setFit] = useState<number | null>(null);
  const ref = useCallback((el: HTMLDivElement | null) => setFrame(el), []);
  useEffect(() => {
    if (!frame) return;
    const measure = () => {
      const style = getComputedStyle(frame);
      const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const w = frame.clientWidth - padX;
      const h = frame.clientHeight - padY;
      if (w > 0 && h > 0) setFit(Math.floor(Math.min(w, h * aspect)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [frame, aspect]);
  return [ref, fit];
}
