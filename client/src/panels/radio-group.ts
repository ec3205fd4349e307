// A radio group that is one Tab stop (WAI-ARIA radio group pattern): Tab reaches the checked option,
// arrow keys move and choose, Home/End jump. Rendered as segmented buttons.
import { h } from './dom.ts';

export interface RadioGroupOptions<T extends string> {
  id: string;
  label: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange(value: T): void;
  /** Segmented buttons (default) or a vertical list. */
  compact?: boolean;
}

export interface RadioGroup<T extends string> {
  element: HTMLElement;
  set(value: T): void;
}

export function radioGroup<T extends string>(options: RadioGroupOptions<T>): RadioGroup<T> {
  let value = options.value;
  const buttons = options.options.map(([v, text]) =>
    h(
      'button',
      {
        attrs: { type: 'button', role: 'radio', 'data-value': v, id: `${options.id}-${v.toLowerCase()}` },
        on: { click: () => choose(v, false) },
      },
      text,
    ),
  );
  const element = h(
    'div',
    {
      class: options.compact === false ? 'radio-list' : 'segmented',
      attrs: { role: 'radiogroup', 'aria-label': options.label, id: options.id },
    },
    ...buttons,
  );

  function paint(): void {
    for (const b of buttons) {
      const on = b.dataset.value === value;
      b.setAttribute('aria-checked', String(on));
      b.tabIndex = on ? 0 : -1;
    }
  }

  function choose(v: T, focus: boolean): void {
    const changed = v !== value;
    value = v;
    paint();
    if (focus) buttons.find((b) => b.dataset.value === v)?.focus();
    if (changed) options.onChange(v);
  }

  element.addEventListener('keydown', (event) => {
    const values = options.options.map(([v]) => v);
    const at = values.indexOf(value);
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (at + 1) % values.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      next = (at - 1 + values.length) % values.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = values.length - 1;
    if (next === null) return;
    event.preventDefault();
    choose(values[next] as T, true);
  });
  paint();
  return {
    element,
    set(v) {
      value = v;
      paint();
    },
  };
}
