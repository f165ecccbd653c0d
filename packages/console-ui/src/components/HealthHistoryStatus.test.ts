import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HealthHistoryStatus } from './HealthHistoryStatus.js';

const window = { from: 0, to: 1 };
const render = (state: Parameters<typeof HealthHistoryStatus>[0]['state']) =>
  renderToStaticMarkup(createElement(HealthHistoryStatus, { state, label: '7 days', retry: () => undefined }));

describe('HealthHistoryStatus', () => {
  it('announces loading, and an error with a way to try again', () => {
    expect(render({ kind: 'loading', window })).toContain('Loading 7 days of health…');
    const error = render({ kind: 'error', window, message: 'Cannot reach the hub to load the health history.' });
    expect(error).toContain('role="alert"');
    expect(error).toContain('Cannot reach the hub');
    expect(error).toContain('Try again');
  });

  it('shows nothing once loaded, or for sample ranges', () => {
    expect(render({ kind: 'loaded', window, hours: [] })).toBe('');
    expect(render({ kind: 'idle' })).toBe('');
  });
});
