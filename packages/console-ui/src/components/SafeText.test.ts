import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SafeText } from './SafeText.js';

const render = (value: string | null, fallback?: string) => renderToStaticMarkup(createElement(SafeText, { value, fallback }));

describe('SafeText', () => {
  it('renders markup in agent strings as text, never as HTML', () => {
    const html = render('<img src=x onerror=alert(1)><script>x</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows a bidi override as a visible, styled marker and flags the string', () => {
    const html = render('invoice\u202Efdp.exe');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('<span class="hidden-char">⟨U+202E⟩</span>');
    expect(html).toContain('class="safe-text has-hidden"');
  });

  it('leaves clean strings alone', () => {
    expect(render('DESK-042')).toBe('<span class="safe-text">DESK-042</span>');
  });

  it('shows unknown values with the fallback', () => {
    expect(render(null)).toBe('<span class="safe-text unknown">—</span>');
    expect(render('', 'n/a')).toBe('<span class="safe-text unknown">n/a</span>');
  });
});
