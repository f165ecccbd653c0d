import { describe, expect, it } from 'vitest';
import { controlMarker, hasHiddenCharacters, revealControls, revealControlsText } from './reveal-controls.js';

describe('revealControls', () => {
  it('leaves ordinary text as one segment', () => {
    expect(revealControls('DESK-042')).toEqual([{ kind: 'text', text: 'DESK-042' }]);
    expect(revealControls('')).toEqual([]);
  });

  it('marks a right-to-left override so a spoofed name cannot read backwards', () => {
    expect(revealControls('report\u202Etxt.exe')).toEqual([
      { kind: 'text', text: 'report' },
      { kind: 'control', text: '⟨U+202E⟩', codePoint: 0x202e },
      { kind: 'text', text: 'txt.exe' },
    ]);
  });

  it.each([
    0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x061c, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029,
    0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
  ])('marks U+%s', (cp) => {
    const text = revealControlsText(`a${String.fromCodePoint(cp)}b`);
    expect(text).toBe(`a${controlMarker(cp)}b`);
    expect(hasHiddenCharacters(text)).toBe(false);
  });

  it('keeps printable Unicode, joiners included', () => {
    for (const s of ['Ärzte-PC', '会計', 'مكتب', 'a\u200db', 'a\u200cb', '👩‍💻']) {
      expect(revealControlsText(s)).toBe(s);
      expect(hasHiddenCharacters(s)).toBe(false);
    }
  });

  it('marks consecutive controls one by one, at the edges too', () => {
    expect(revealControlsText('\u2066\u2067x\u0000')).toBe('⟨U+2066⟩⟨U+2067⟩x⟨U+0000⟩');
  });

  it('is stable when called repeatedly (no regex state leaks)', () => {
    expect(hasHiddenCharacters('a\u202eb')).toBe(true);
    expect(hasHiddenCharacters('a\u202eb')).toBe(true);
    expect(revealControls('a\u202eb')).toHaveLength(3);
    expect(revealControls('a\u202eb')).toHaveLength(3);
  });

  it('pads the code point to four hex digits', () => {
    expect(controlMarker(0x1b)).toBe('⟨U+001B⟩');
  });
});
