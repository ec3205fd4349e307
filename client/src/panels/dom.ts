// Tiny DOM builder. Text is always set through text nodes (never innerHTML), so names, quotes and aliases
// from the graph cannot inject markup.
type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value == null) continue;
    // ARIA states are strings ("true"/"false"); other booleans are presence attributes (checked, hidden).
    if (name.startsWith('aria-')) el.setAttribute(name, String(value));
    else if (value !== false) el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, handler as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html: add it or rename the lookup.`);
  return el as T;
}

/** Offers text or a data: URL as a file download. */
export function download(filename: string, content: string | Blob, mime = 'application/octet-stream'): void {
  const inline = typeof content === 'string' && content.startsWith('data:');
  const href = inline
    ? (content as string)
    : URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type: mime }));
  const link = h('a', { attrs: { href, download: filename } });
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (!inline) setTimeout(() => URL.revokeObjectURL(href), 1000);
}
