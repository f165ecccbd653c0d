import { describe, expect, it } from 'vitest';
import { articleUrlTransform, safeArticleHref, safeArticleImageSrc } from './kb-links.js';
import { KbFileSchema } from './kb.js';

describe('article link policy', () => {
  it.each([
    ['https://support.example.com/a?b=1#c', 'https://support.example.com/a?b=1#c'],
    ['mailto:it@example.com', 'mailto:it@example.com'],
    ['#steps', '#steps'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['java\nscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['http://example.com', undefined],
    ['https://user:pass@example.com', undefined],
    ['https://exa"mple.com', undefined],
    ['//evil.example.com', undefined],
    ['/api/v1/kb/articles/x/attachments/y', undefined],
    ['file:///etc/passwd', undefined],
  ])('href %j -> %j', (input, expected) => {
    expect(safeArticleHref(input)).toBe(expected);
  });

  it('allows images only from the hub’s article attachments', () => {
    expect(safeArticleImageSrc('/api/v1/kb/articles/01ABC/attachments/01DEF')).toBe('/api/v1/kb/articles/01ABC/attachments/01DEF');
    for (const bad of ['https://evil.example.com/x.png', 'data:image/png;base64,AAAA', '/api/v1/kb/articles/../../x', 'javascript:alert(1)', '/api/v1/devices']) {
      expect(safeArticleImageSrc(bad)).toBeUndefined();
    }
    expect(articleUrlTransform('javascript:alert(1)', 'href')).toBe('');
    expect(articleUrlTransform('https://example.com', 'cite')).toBe('');
  });
});

describe('KbFileSchema path', () => {
  it('takes relative .md paths and refuses any ".." or other endings', () => {
    const ok = (path: string) => KbFileSchema.safeParse({ path, content: '' }).success;
    expect(ok('printing/paper-jam--01J0.md')).toBe(true);
    expect(ok('a.b/c-d e.md')).toBe(true);
    expect(ok('../etc/passwd.md')).toBe(false);
    expect(ok('a/../../b.md')).toBe(false);
    expect(ok('a..md')).toBe(false);
    expect(ok('notes.txt')).toBe(false);
    expect(ok('a\\b.md')).toBe(false);
  });
});
