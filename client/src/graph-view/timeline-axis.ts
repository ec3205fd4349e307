// The timeline layout's date axis: a strip along the bottom of the canvas with one tick per column (each
// distinct event day), kept under its column as the user pans and zooms. Ticks thin out when they
// would collide, so the labels stay readable; a timeline longer than the canvas says at either end how
// many days lie off screen that way.

export interface AxisViewport {
  zoom: number;
  panX: number;
  width: number;
}

/** One event day and the x (graph units) its nodes stand at. */
export interface AxisColumn {
  day: string;
  x: number;
}

export interface AxisTick {
  day: string;
  /** Rendered x (pixels from the canvas's left edge). */
  x: number;
}

/** Roughly the width of a "2024-02-28" label plus a gap, in pixels. */
const LABEL_ROOM = 84;

const renderedX = (column: AxisColumn, viewport: AxisViewport) => column.x * viewport.zoom + viewport.panX;

/** The ticks to draw for these columns (in time order) at this viewport: on screen, none closer than a label. */
export function axisTicks(columns: readonly AxisColumn[], viewport: AxisViewport): AxisTick[] {
  const ticks: AxisTick[] = [];
  let last = -Infinity;
  for (const column of columns) {
    const x = renderedX(column, viewport);
    if (x < -LABEL_ROOM / 2 || x > viewport.width + LABEL_ROOM / 2 || x - last < LABEL_ROOM) continue;
    ticks.push({ day: column.day, x });
    last = x;
  }
  return ticks;
}

/** How many of the days lie left and right of the canvas, and the first and last day on it. */
export function axisWhere(
  columns: readonly AxisColumn[],
  viewport: AxisViewport,
): { before: number; after: number; first: string | null; last: string | null } {
  const xs = columns.map((c) => renderedX(c, viewport));
  const shown = columns.filter((_, i) => (xs[i] as number) >= 0 && (xs[i] as number) <= viewport.width);
  return {
    before: xs.filter((x) => x < 0).length,
    after: xs.filter((x) => x > viewport.width).length,
    first: shown[0]?.day ?? null,
    last: shown.at(-1)?.day ?? null,
  };
}

export interface TimelineAxis {
  show(columns: readonly AxisColumn[], viewport: AxisViewport): void;
  hide(): void;
  /** The strip's top edge, pixels from the top of `canvas` (what the timeline must stay above). */
  topWithin(canvas: HTMLElement): number;
}

/** Roughly the width of a "12 days later ▶" note, in pixels. */
const EDGE_NOTE = 120;

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

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
      const where = axisWhere(columns, viewport);
      const showing =
        where.first && (where.before || where.after) ? `; showing ${where.first} to ${where.last}` : '';
      strip.setAttribute(
        'aria-label',
        columns.length
          ? `Timeline axis: event days from ${columns[0]?.day} to ${columns.at(-1)?.day}${showing}`
          : 'Timeline axis: no dated entities on the canvas',
      );
      // Room for the "… earlier" / "… later" notes at the ends: a tick there would be drawn under one.
      const clear = (x: number) =>
        !(where.before && x < EDGE_NOTE) && !(where.after && x > viewport.width - EDGE_NOTE);
      const ticks = axisTicks(columns, viewport)
        .filter((tick) => clear(tick.x))
        .map((tick) => {
          const el = document.createElement('div');
          el.className = 'tick';
          el.style.left = `${Math.round(tick.x)}px`;
          el.dataset.day = tick.day;
          const label = document.createElement('span');
          label.textContent = tick.day;
          el.appendChild(label);
          return el;
        });
      const edges: HTMLElement[] = [];
      for (const [side, count] of [
        ['before', where.before],
        ['after', where.after],
      ] as const) {
        if (!count) continue;
        const el = document.createElement('div');
        el.className = `off-screen ${side}`;
        el.textContent = side === 'before' ? `◀ ${days(count)} earlier` : `${days(count)} later ▶`;
        edges.push(el);
      }
      strip.replaceChildren(...ticks, ...edges);
    },
    hide() {
      strip.hidden = true;
      strip.replaceChildren();
    },
    topWithin(canvas) {
      const wasHidden = strip.hidden;
      strip.hidden = false;
      const top = strip.getBoundingClientRect().top - canvas.getBoundingClientRect().top;
      strip.hidden = wasHidden;
      return top;
    },
  };
}
