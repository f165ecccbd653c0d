import type { Antivirus, SecuritySection as Security } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../format/relative-time.js';
import { AntivirusItem } from './AntivirusItem.js';
import { SecuritySection } from './SecuritySection.js';

const render = (product: Antivirus) => renderToStaticMarkup(createElement(AntivirusItem, { product }));
const base: Antivirus = { name: 'Windows Defender', enabled: true, upToDate: true };

describe('AntivirusItem', () => {
  it('shows the definitions version and, in the viewer’s zone, when they were updated', () => {
    const at = '2026-03-09T04:15:00Z';
    const html = render({ ...base, definitionsVersion: '1.403.1234.0', definitionsUpdatedAt: at });
    expect(html).toContain('definitions up to date Yes');
    expect(html).toContain(`(definitions <span class="safe-text">1.403.1234.0</span>, updated <time dateTime="${at}">${formatDateTime(at)}</time>)`);
    expect(render({ ...base, definitionsUpdatedAt: at })).toContain(`(definitions updated <time dateTime="${at}">`);
  });

  it('a version without a date (XProtect), and an unreadable version as unknown', () => {
    const version = render({ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: '5287' });
    expect(version).toContain('(definitions <span class="safe-text">5287</span>)');
    expect(version).not.toContain('updated');
    expect(render({ ...base, definitionsVersion: null })).toContain('(definitions <span class="safe-text unknown">unknown</span>)');
  });

  it('says nothing about definitions when the agent sent neither field', () => {
    expect(render(base)).not.toContain('(definitions');
    expect(render({ ...base, definitionsUpdatedAt: null })).not.toContain('(definitions');
  });

  it('renders a hostile version as text', () => {
    const html = render({ ...base, definitionsVersion: '<img src=x onerror=alert(1)>\u202E' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain('U+202E');
  });

  it('is what the security section lists for each product', () => {
    const security: Security = {
      antivirus: [{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: '5287' }],
      firewallEnabled: null,
      firewallProfiles: [],
      diskEncryption: null,
      systemVolumeEncrypted: null,
      pendingUpdates: null,
      rebootPending: null,
    };
    expect(renderToStaticMarkup(createElement(SecuritySection, { security }))).toContain('5287');
  });
});
