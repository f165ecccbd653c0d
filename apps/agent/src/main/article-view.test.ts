import { describe, expect, it } from 'vitest';
import { excerptOf } from './article-view.js';

describe('article excerpt', () => {
  it('keeps the words, drops the markup', () => {
    expect(excerptOf('# Outlook\n\nStart in **safe mode**, then File > Options > Add-ins.\n\n- self-service portal', 200)).toBe('Outlook Start in safe mode , then File > Options > Add-ins. self-service portal');
  });

  it('drops scripts, styles, tags, images and link targets', () => {
    expect(excerptOf('<script>window.x=1</script><style>b{}</style><b>Bold</b> ![alt](https://e.x/i.png) [text](javascript:alert(1))', 200)).toBe('Bold text');
  });

  it('is bounded', () => {
    expect(excerptOf('word '.repeat(1000), 20)).toHaveLength(20);
  });
});
