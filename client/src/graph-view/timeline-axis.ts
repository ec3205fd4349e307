// The timeline layout's date axis: a strip along the bottom of the canvas with one tick per column (each
// distinct event day), kept under its column as the user pans and zooms. Ticks thin out when they
// would collide, so the labels stay readable.
import { TIMELINE_COLUMN } from './layouts.ts';

export interface AxisViewport {
  zoom: number;
  panX: number;
  width: number;
}

export interface AxisTick {
  day: string;
  /** Rendered x (pixels from the canvas's left edge). */
  x: number;
}

/** Roughly the width of a "2024-02-28" label plus a gap, in pixels. */
const LABEL_ROOM = 84;

/** The ticks to draw for these columns at this viewport: on screen, and no two closer than a label. */
export function axisTicks(columns: readonly string[], viewport: AxisViewport): AxisTick[] {
  const spacing = TIMELINE_COLUMN * viewport.zoom;
  const every = Math.max(1, Math.ceil(LABEL_ROOM / Math.max(spacing, 1)));
  const ticks: AxisTick[] = [];
  columns.forEach((day, i) => {
    if (i % every !== 0) return;
    const x = i * TIMELINE_COLUMN * viewport.zoom + viewport.panX;
    if (x >= -LABEL_ROOM / 2 && x <= viewport.width + LABEL_ROOM / 2) ticks.push({ day, x });
  });
  return ticks;
}

export interface TimelineAxis {
  show(columns: readonly string[], viewport: AxisViewport): void;
  hide(): void;
}

export function createTimelineAxis(host: HTMLElement): TimelineAxis {
  const strip = document.createElement('div');
  strip.id = 'timeline-axis';
  strip.className = 'timeline-axis';
  strip.setAttribute('role', 'img');
  strip.hidden = true;
  host.appendChild(strip);
  return {
    show(columns, viewport) {
      strip.hidden = false;
      strip.setAttribute(
        'aria-label',
        columns.length
          ? `Timeline axis: event days from ${columns[0]} to ${columns.at(-1)}`
          : 'Timeline axis: no dated entities on the canvas',
      );
      const ticks = axisTicks(columns, viewport).map((tick) => {
        const el = document.createElement('div');
        el.className = 'tick';
        el.style.left = `${Math.round(tick.x)}px`;
        el.dataset.day = tick.day;
        const label = document.createElement('span');
        label.textContent = tick.day;
        el.appendChild(label);
        return el;
      });
      strip.replaceChildren(...ticks);
    },
    hide() {
      strip.hidden = true;
      strip.replaceChildren();
    },
  };
}
