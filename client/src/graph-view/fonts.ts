// The bundled Korean web font (Noto Sans KR, served by the app itself in unicode-range chunks), so
// Korean labels render on machines without a CJK font, on the canvas and in PNG/SVG exports.
import '@fontsource/noto-sans-kr/400.css';

export const WEB_FONT = 'Noto Sans KR';

/** Family list for canvas labels and exports: the bundled font right after the Latin system faces. */
export const FONT_STACK = `system-ui, -apple-system, "Segoe UI", "${WEB_FONT}", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", sans-serif`;

const requested = new Set<string>();

/**
 * Asks the browser for the chunks that hold these characters (a canvas does not trigger the download the
 * way the DOM does). Resolves once they are usable; `onLoaded` runs when anything new arrived.
 */
export async function loadGlyphs(texts: Iterable<string>, onLoaded?: () => void): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  let fresh = '';
  for (const text of texts)
    for (const ch of text)
      if (ch.charCodeAt(0) > 0x7f && !requested.has(ch)) {
        requested.add(ch);
        fresh += ch;
      }
  if (!fresh) return;
  try {
    const faces = await document.fonts.load(`16px "${WEB_FONT}"`, fresh);
    if (faces.length) onLoaded?.();
  } catch {
    /* the system fallback stays */
  }
}

interface FaceRule {
  range: [number, number][];
  url: string;
}

function parseRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split('-');
      const lo = parseInt((a ?? '').replace(/\?/g, '0'), 16);
      const hi = b ? parseInt(b, 16) : parseInt((a ?? '').replace(/\?/g, 'f'), 16);
      return [lo, hi] as [number, number];
    });
}

/** The bundled font's @font-face rules in the page's stylesheets (woff2 URL and unicode range). */
function faceRules(): FaceRule[] {
  const rules: FaceRule[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(cssRules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const style = rule.style;
      if (!style.getPropertyValue('font-family').includes(WEB_FONT)) continue;
      const src = style.getPropertyValue('src');
      const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(src)?.[1];
      if (!url) continue;
      const range = style.getPropertyValue('unicode-range');
      rules.push({
        url: new URL(url, sheet.href ?? document.baseURI).href,
        range: parseRange(range || 'U+0-10FFFF'),
      });
    }
  }
  return rules;
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * @font-face rules with the chunks of the bundled font that hold `text`, inlined as data: URLs, so an
 * exported SVG shows Korean on any machine (and offline). Only the chunks actually used are embedded.
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const codes = new Set<number>();
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x7f) codes.add(code);
  }
  if (codes.size === 0) return '';
  const needed = faceRules().filter((rule) =>
    [...codes].some((code) => rule.range.some(([lo, hi]) => code >= lo && code <= hi)),
  );
  const faces = await Promise.all(
    needed.map(async (rule) => {
      const response = await fetch(rule.url);
      if (!response.ok) return '';
      const data = toBase64(await response.arrayBuffer());
      const range = rule.range.map(([lo, hi]) => `U+${lo.toString(16)}-${hi.toString(16)}`).join(',');
      return `@font-face{font-family:"${WEB_FONT}";font-weight:400;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${range};}`;
    }),
  );
  return faces.filter(Boolean).join('\n');
}
