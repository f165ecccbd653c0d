import type { HealthPoint } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HealthChart } from './HealthChart.js';

const at = (minute: number) => new Date(Date.parse('2026-03-10T12:00:00Z') + minute * 60_000).toISOString();
const sample = (minute: number, wifi?: HealthPoint['wifi']): HealthPoint => ({
  at: at(minute),
  cpuPercent: 20,
  memUsedBytes: 4,
  memTotalBytes: 16,
  diskUsedBytes: 50,
  diskTotalBytes: 100,
  uptimeSeconds: 60,
  ...(wifi === undefined ? {} : { wifi }),
});
const render = (health: HealthPoint[]) => renderToStaticMarkup(createElement(HealthChart, { health }));

describe('HealthChart: Wi-Fi signal', () => {
  it('adds a Wi-Fi line, legend entry and summary when samples carry the signal', () => {
    const html = render([sample(0, { signalDbm: -58, qualityPercent: 84 }), sample(1, { signalDbm: -67, qualityPercent: 66 })]);
    expect(html).toContain('data-testid="health-wifi-line"');
    expect(html).toContain('class="legend-wifi"');
    expect(html).toMatch(/Wi-Fi signal 66 %/);
    expect(html).toContain('Latest: CPU 20 %, memory 25 %, disk 50 % used, Wi-Fi signal 66 %');
  });

  it('says "no Wi-Fi link" when the PC dropped off Wi-Fi', () => {
    expect(render([sample(0, { signalDbm: -58, qualityPercent: 84 }), sample(1, null)])).toContain('no Wi-Fi link');
  });

  it('stays as it was for agents that do not send the signal', () => {
    const html = render([sample(0), sample(1)]);
    expect(html).not.toContain('health-wifi-line');
    expect(html).not.toContain('legend-wifi');
    expect(html).not.toContain('Wi-Fi');
  });
});

describe('HealthChart: hourly ranges', () => {
  it('offers 7 and 30 days only when it can load hours', () => {
    const withHours = renderToStaticMarkup(createElement(HealthChart, { health: [sample(0), sample(1)], loadHourly: () => Promise.resolve([]) }));
    expect(withHours).toContain('data-range="7d"');
    expect(withHours).toContain('data-range="30d"');
    expect(withHours).toContain('data-range="1h"');
    const without = render([sample(0), sample(1)]);
    expect(without).not.toContain('data-range="7d"');
  });

  it('still offers the history to a device with no recent samples', () => {
    const html = renderToStaticMarkup(createElement(HealthChart, { health: [], loadHourly: () => Promise.resolve([]) }));
    expect(html).toContain('data-range="30d"');
    expect(html).toContain('No samples in the last 24 h');
    expect(render([])).toContain('No health samples yet.');
  });
});
