import { useRef, useState, type PointerEvent } from 'react';
import { translate } from '../../shared/i18n/translate.ts';
import { polygonBounds, shapeToPolygon, type Point, type Region } from '../../shared/regions.ts';
import { useStore } from '../state/store.ts';
import { useBlobUrl } from './useBlobUrl.ts';

type Drag =
  | { mode: 'draw'; from: Point; to: Point }
  | { mode: 'move' | 'resize'; id: string; from: Point; original: Region };

export function rectOf(r: Region) {
  return polygonBounds(shapeToPolygon(r.shape));
}

export function withBox(r: Region, x: number, y: number, width: number, height: number): Region {
  return {
    ...r,
    shape: {
      type: 'rect',
      rect: { cx: x + width / 2, cy: y + height / 2, width, height, angle: 0 },
    },
  };
}

/** The document with its regions on top: draw, select, move and resize boxes; zoom by scrolling the frame. */
export function DocumentView({
  resultPng,
  resultOnly = false,
}: {
  resultPng: Uint8Array | null;
  resultOnly?: boolean;
}) {
  const job = useStore((s) => s.job);
  const side = useStore((s) => s.side);
  const regions = useStore((s) => s.regions);
  const excluded = useStore((s) => s.excluded);
  const selected = useStore((s) => s.selected);
  const drawing = useStore((s) => s.drawing);
  const zoom = useStore((s) => s.zoom);
  const showResult = useStore((s) => s.showResult) || resultOnly;
  const lang = useStore((s) => s.lang);
  const editRegions = useStore((s) => s.editRegions);
  const select = useStore((s) => s.select);
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const view = job?.sides[side];
  const originalUrl = useBlobUrl(view?.png);
  const resultUrl = useBlobUrl(resultPng);
  if (!view) return null;

  const toImage = (e: PointerEvent): Point => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return {
      x: Math.max(0, Math.min(view.width, p.x)),
      y: Math.max(0, Math.min(view.height, p.y)),
    };
  };

  const onDown = (e: PointerEvent) => {
    if (!drawing) {
      select(null);
      return;
    }
    const p = toImage(e);
    (e.target as Element).setPointerCapture?.(e.pointerId);
    setDrag({ mode: 'draw', from: p, to: p });
  };
  const onMove = (e: PointerEvent) => {
    if (!drag) return;
    const p = toImage(e);
    if (drag.mode === 'draw') setDrag({ ...drag, to: p });
    else {
      const b = rectOf(drag.original);
      const dx = p.x - drag.from.x;
      const dy = p.y - drag.from.y;
      const next =
        drag.mode === 'move'
          ? withBox(drag.original, b.x + dx, b.y + dy, b.width, b.height)
          : withBox(drag.original, b.x, b.y, Math.max(8, b.width + dx), Math.max(8, b.height + dy));
      useStore.setState((s) => ({ regions: s.regions.map((r) => (r.id === drag.id ? next : r)) }));
    }
  };
  const onUp = () => {
    if (drag?.mode === 'draw') {
      const x = Math.min(drag.from.x, drag.to.x);
      const y = Math.min(drag.from.y, drag.to.y);
      const w = Math.abs(drag.to.x - drag.from.x);
      const h = Math.abs(drag.to.y - drag.from.y);
      if (w > 4 && h > 4) {
        const id = `manual-${Date.now().toString(36)}`;
        const region: Region = withBox(
          {
            id,
            kind: 'manual',
            shape: { type: 'rect', rect: { cx: 0, cy: 0, width: 0, height: 0, angle: 0 } },
            source: 'manual',
            confidence: 1,
            label: '',
            side,
          },
          x,
          y,
          w,
          h,
        );
        editRegions((rs) => [...rs, region]);
        select(id);
      }
    } else if (drag) {
      // The live drag already moved the box; record the step for undo from the original.
      useStore.setState((s) => ({
        past: [...s.past, s.regions.map((r) => (r.id === drag.id ? drag.original : r))],
        future: [],
      }));
    }
    setDrag(null);
  };
  const startEdit = (e: PointerEvent, r: Region, mode: 'move' | 'resize') => {
    if (drawing) return;
    e.stopPropagation();
    (e.target as Element).setPointerCapture?.(e.pointerId);
    select(r.id);
    setDrag({ mode, id: r.id, from: toImage(e), original: r });
  };

  const stroke = Math.max(2, view.width / 400);
  return (
    <div className="document-frame">
      <div className="document" style={{ width: `${zoom * 100}%` }}>
        <img src={(showResult ? resultUrl : originalUrl) ?? ''} alt="" draggable={false} />
        {!resultOnly && (
          <svg
            ref={svgRef}
            viewBox={`0 0 ${view.width} ${view.height}`}
            className={drawing ? 'drawing' : ''}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            data-testid="document-overlay"
          >
            {regions
              .filter((r) => r.side === side)
              .map((r) => {
                const b = rectOf(r);
                const off = excluded.includes(r.id);
                return (
                  <g
                    key={r.id}
                    className={`region ${r.id === selected ? 'selected' : ''} ${off ? 'off' : ''}`}
                  >
                    <rect
                      x={b.x}
                      y={b.y}
                      width={b.width}
                      height={b.height}
                      strokeWidth={stroke}
                      className={showResult ? 'outline' : 'fill'}
                      onPointerDown={(e) => startEdit(e, r, 'move')}
                    />
                    <text
                      x={b.x + stroke}
                      y={b.y - stroke * 2}
                      fontSize={Math.max(14, view.width / 70)}
                    >
                      {translate(lang, `kind.${r.kind}`)}
                    </text>
                    {r.id === selected && !showResult && (
                      <rect
                        className="handle"
                        x={b.x + b.width - stroke * 4}
                        y={b.y + b.height - stroke * 4}
                        width={stroke * 8}
                        height={stroke * 8}
                        onPointerDown={(e) => startEdit(e, r, 'resize')}
                      />
                    )}
                  </g>
                );
              })}
            {drag?.mode === 'draw' && (
              <rect
                className="draft"
                x={Math.min(drag.from.x, drag.to.x)}
                y={Math.min(drag.from.y, drag.to.y)}
                width={Math.abs(drag.to.x - drag.from.x)}
                height={Math.abs(drag.to.y - drag.from.y)}
                strokeWidth={stroke}
              />
            )}
          </svg>
        )}
      </div>
    </div>
  );
}
