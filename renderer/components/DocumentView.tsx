import { useRef, useState, type PointerEvent } from 'react';
import { translate } from '../../shared/i18n/translate.ts';
import {
  polygonBounds,
  shapeToPolygon,
  type Box,
  type Point,
  type Region,
} from '../../shared/regions.ts';
import { moveShape, resizeShape } from '../../shared/shapes.ts';
import { useStore } from '../state/store.ts';
import { useBlobUrl } from './useBlobUrl.ts';
import { useFitWidth } from './useFitWidth.ts';

type Drag =
  | { mode: 'draw'; from: Point; to: Point }
  | { mode: 'move' | 'resize'; id: string; from: Point; original: Region };

function rectOf(r: Region): Box {
  return polygonBounds(shapeToPolygon(r.shape));
}

/** SVG points of a region's outline: a tilted field is drawn tilted, as it will be burned. */
function pointsOf(r: Region): string {
  return shapeToPolygon(r.shape)
    .map((p) => `${p.x},${p.y}`)
    .join(' ');
}

/**
 * The document with its regions on top, drawn as what will be burned: opaque black, unless the
 * person holds "show original" (then outlines). Labels live in the list beside it, never on the
 * printed text. Boxes can be drawn, selected (click or Tab), moved and resized; the frame fits
 * the window at 100 % and scrolls when zoomed.
 */
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
  const showOriginal = useStore((s) => s.showOriginal);
  const lang = useStore((s) => s.lang);
  const addBox = useStore((s) => s.addBox);
  const select = useStore((s) => s.select);
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const view = job?.sides[side];
  const [frameRef, fitWidth] = useFitWidth(view ? view.width / view.height : 1);
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
      const dx = p.x - drag.from.x;
      const dy = p.y - drag.from.y;
      const shape =
        drag.mode === 'move'
          ? moveShape(drag.original.shape, dx, dy)
          : resizeShape(drag.original.shape, dx, dy);
      const next = { ...drag.original, shape };
      // Live while dragging; recorded for undo once, when the drag ends.
      useStore.setState((s) => ({ regions: s.regions.map((r) => (r.id === drag.id ? next : r)) }));
    }
  };
  const onUp = () => {
    if (drag?.mode === 'draw') {
      const box = {
        x: Math.min(drag.from.x, drag.to.x),
        y: Math.min(drag.from.y, drag.to.y),
        width: Math.abs(drag.to.x - drag.from.x),
        height: Math.abs(drag.to.y - drag.from.y),
      };
      // One box per press of "draw": the next click selects again.
      if (box.width > 4 && box.height > 4) addBox(side, box);
    } else if (drag) {
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
  const width = fitWidth ? `${Math.round(fitWidth * zoom)}px` : `${zoom * 100}%`;
  const shown = resultOnly ? resultUrl : originalUrl;
  return (
    <div
      className="document-frame"
      ref={frameRef}
      tabIndex={0}
      role="region"
      aria-label={translate(lang, 'ui.document_frame')}
    >
      <div className="document" style={{ width }}>
        <img src={shown ?? ''} alt="" draggable={false} />
        {!resultOnly && (
          <svg
            ref={svgRef}
            viewBox={`0 0 ${view.width} ${view.height}`}
            className={drawing ? 'drawing' : ''}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
          >
            {regions
              .filter((r) => r.side === side)
              .map((r) => {
                const b = rectOf(r);
                const off = excluded.includes(r.id);
                const kind = translate(lang, `kind.${r.kind}`);
                return (
                  <g
                    key={r.id}
                    className={`region ${r.id === selected ? 'selected' : ''} ${off ? 'off' : ''}`}
                    tabIndex={0}
                    role="button"
                    aria-pressed={r.id === selected}
                    aria-label={translate(lang, off ? 'ui.box_readable' : 'ui.box_covered', {
                      kind,
                    })}
                    onFocus={() => select(r.id)}
                  >
                    <polygon
                      points={pointsOf(r)}
                      strokeWidth={stroke}
                      className={off || showOriginal ? 'outline' : 'burn'}
                      onPointerDown={(e) => startEdit(e, r, 'move')}
                    />
                    {r.id === selected && (
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
