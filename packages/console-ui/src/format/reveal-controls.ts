/** A run of ordinary text, or one invisible/bidi character shown as a visible marker. */
export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'control'; text: string; codePoint: number };

/**
 * Characters that can hide or reorder what a technician reads: C0/C1 controls and DEL, the
 * bidirectional marks, embeddings, overrides and isolates (a hostname "pc‮exe.txt" must not read
 * as something else), zero-width space, line/paragraph separators and the BOM. Zero-width
 * (non-)joiners are left alone: scripts and emoji use them legitimately.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `⟨U+202E⟩`: the marker shown in place of a hidden character. */
export function controlMarker(codePoint: number): string {
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Splits `value` into plain runs and visible markers for every hidden character. */
export function revealControls(value: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of value.matchAll(HIDDEN)) {
    const index = match.index;
    if (index > last) segments.push({ kind: 'text', text: value.slice(last, index) });
    const codePoint = match[0].codePointAt(0) ?? 0;
    segments.push({ kind: 'control', text: controlMarker(codePoint), codePoint });
    last = index + match[0].length;
  }
  if (last < value.length) segments.push({ kind: 'text', text: value.slice(last) });
  return segments;
}

/** The same transform as one plain string, for places that take text only (titles, aria labels). */
export function revealControlsText(value: string): string {
  return revealControls(value)
    .map((s) => s.text)
    .join('');
}

/** Whether `value` carries anything `revealControls` would mark. */
export function hasHiddenCharacters(value: string): boolean {
  HIDDEN.lastIndex = 0;
  const found = HIDDEN.test(value);
  HIDDEN.lastIndex = 0;
  return found;
}
