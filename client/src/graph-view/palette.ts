// Visual encoding shared by the stylesheet and the legend. Colours are Okabe-Ito (safe for the common
// colour-vision deficiencies) and every kind also has its own shape, so colour is never the only cue.
import type { Certainty } from '../state/domain.ts';

export interface KindStyle {
  color: string;
  shape: string;
  /** Text colour that stays readable on `color`. */
  text: string;
}

export const KIND_STYLES: Readonly<Record<string, KindStyle>> = {
  Organization: { color: '#0072B2', shape: 'round-rectangle', text: '#ffffff' },
  Person: { color: '#E69F00', shape: 'ellipse', text: '#000000' },
  Product: { color: '#009E73', shape: 'round-hexagon', text: '#ffffff' },
  Technology: { color: '#56B4E9', shape: 'round-diamond', text: '#000000' },
  Place: { color: '#F0E442', shape: 'round-triangle', text: '#000000' },
  Event: { color: '#D55E00', shape: 'round-tag', text: '#ffffff' },
  Concept: { color: '#CC79A7', shape: 'round-octagon', text: '#000000' },
};

export const OTHER_KIND: KindStyle = { color: '#999999', shape: 'rectangle', text: '#000000' };

export const kindStyle = (kind: string): KindStyle => KIND_STYLES[kind] ?? OTHER_KIND;

export interface CertaintyStyle {
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  label: string;
  description: string;
}

export const CERTAINTY_STYLES: Readonly<Record<Certainty, CertaintyStyle>> = {
  CONFIRMED: { lineStyle: 'solid', width: 3, label: 'Confirmed', description: 'stated as fact' },
  REPORTED: { lineStyle: 'dashed', width: 2, label: 'Reported', description: 'attributed, "according to"' },
  SPECULATIVE: { lineStyle: 'dotted', width: 1.5, label: 'Speculative', description: 'presumed or expected' },
};

export const HIGHLIGHT_COLOR = '#000000';
export const SELECTED_COLOR = '#CC3311';
/** Edges some evidence denies (8.6:1 on white). */
export const DISPUTED_COLOR = '#8a1c1c';

/**
 * Colours for "colour by a property": Okabe-Ito, the palette's own order. Each stands for one value; with
 * more values than colours the last one stands for all the others (elements.ts colorKey), never two
 * values with the same colour. Shapes still tell the kinds apart.
 */
export const PROPERTY_COLORS: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];
/** The values beyond the palette, together ("other values"). */
export const OTHER_VALUES_COLOR = '#000000';
/** Entities without the chosen property. */
export const NO_VALUE_COLOR = '#8c8c8c';
/** Kinds in the legend when colour means a property: the shape tells the kind, the fill says nothing. */
export const NEUTRAL_KIND_FILL = '#ffffff';
