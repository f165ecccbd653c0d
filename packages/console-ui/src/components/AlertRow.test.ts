import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AlertList } from './AlertList.js';
import { AlertRow } from './AlertRow.js';
import { makeAlert } from '../state/test-alerts.js';
import type { AlertActions } from '../state/use-alerts.js';

const NOW = Date.parse('2026-03-10T12:05:00Z');
const noop: AlertActions = { acknowledge: () => undefined, snooze: () => undefined, resolve: () => undefined };

describe('AlertRow', () => {
  it('renders the attributes e2e tests rely on, every field, and the three actions of an open alert', () => {
    const alert = makeAlert({ severity: 'critical', flapping: true, occurrences: 4 });
    const html = renderToStaticMarkup(createElement(AlertRow, { alert, now: NOW, actions: noop }));
    expect(html).toContain(`data-testid="alert-row" data-alert-id="${alert.id}" data-state="open" data-severity="critical"`);
    expect(html).toContain(`href="#/devices/${alert.deviceId}"`);
    for (const text of ['Critical', 'Disk space', 'C:', 'pc-1', 'Disk C: has 4 % free', '4 % (threshold 10 %)', '5 min ago', 'Flapping', '4× occurred', 'Open']) {
      expect(html).toContain(text);
    }
    for (const id of ['alert-ack', 'alert-snooze', 'alert-resolve']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('aria-label="Acknowledge Disk space C: on pc-1"');
  });

  it('shows hostile agent strings as text with visible markers, never raw', () => {
    const alert = makeAlert({ hostname: 'pc\u202Egnp.exe', subject: '<img src=x onerror=alert(1)>', message: 'free\u200B space <b>bold</b>' });
    const html = renderToStaticMarkup(createElement(AlertRow, { alert, now: NOW, actions: noop }));
    expect(html).not.toContain('\u202E');
    expect(html).not.toContain('\u200B');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('⟨U+202E⟩');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('offers no acknowledge once acknowledged, no action at all when read-only, and says who acted', () => {
    const acked = makeAlert({ state: 'acknowledged', acknowledgedBy: 'Alice' });
    const html = renderToStaticMarkup(createElement(AlertRow, { alert: acked, now: NOW, actions: noop }));
    expect(html).not.toContain('alert-ack');
    expect(html).toContain('alert-snooze');
    expect(html).toContain('Acknowledged by');
    const resolved = makeAlert({ state: 'resolved', resolvedBy: 'Bob', resolvedAt: '2026-03-10T12:04:00Z' });
    const readOnly = renderToStaticMarkup(createElement(AlertRow, { alert: resolved, now: NOW, actions: null }));
    expect(readOnly).not.toContain('alert-snooze');
    expect(readOnly).toContain('Bob');
  });

  it('shows an action failure next to its alert, and an empty list as a sentence', () => {
    const alert = makeAlert();
    const html = renderToStaticMarkup(
      createElement(AlertList, { alerts: [alert], now: NOW, actions: noop, failure: { alertId: alert.id, message: 'Cannot reach the hub' }, emptyText: '', label: 'Alerts' }),
    );
    expect(html).toContain('data-testid="alert-action-error"');
    expect(html).toContain('Cannot reach the hub');
    const empty = renderToStaticMarkup(createElement(AlertList, { alerts: [], now: NOW, actions: noop, emptyText: 'No unresolved alerts.', label: 'Alerts' }));
    expect(empty).toContain('No unresolved alerts.');
  });
});
