import type { SameAssetCandidate } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.js';
import { ChangesPanel } from './ChangesPanel.js';
import { mergeErrorMessage, SameAssetMerge, SameAssetMergeView, type MergePhase } from './SameAssetMerge.js';

const candidate: SameAssetCandidate = { deviceId: '01J00000000000000000000002', hostname: 'PC-OLD<b>x</b>', enrolledAt: '2025-01-01T00:00:00Z', matchedOn: ['serial', 'model', 'mac'] };
const view = (phase: MergePhase, hasInventory = true) => renderToStaticMarkup(createElement(SameAssetMergeView, { candidate, hasInventory, phase, onAsk: () => undefined }));
const never = () => new Promise<never>(() => undefined);

describe('SameAssetMergeView', () => {
  it('idle: the notice and the merge button, no confirmation yet', () => {
    const html = view({ kind: 'idle' });
    expect(html).toContain('data-testid="merge-candidate"');
    expect(html).toContain('Merge the old record into this one');
    expect(html).not.toContain('merge-confirm');
    expect(html).toContain('same serial, model, mac');
    expect(html).not.toContain('<b>');
  });

  it('confirming: says what moves and that the old record is revoked', () => {
    const withInventory = view({ kind: 'confirming' });
    expect(withInventory).toContain('data-testid="merge-confirm"');
    expect(withInventory).not.toContain('data-testid="merge-candidate"');
    expect(withInventory).toMatch(/cannot be undone/);
    expect(withInventory).toMatch(/change history and health samples/);
    expect(withInventory).toMatch(/revoked/);
    expect(withInventory).not.toMatch(/its inventory/);
    expect(view({ kind: 'confirming' }, false)).toMatch(/so does its inventory \(this record has none yet\)/);
  });

  it('merging: the confirm button is disabled and says so', () => {
    const html = view({ kind: 'merging' });
    expect(html).toMatch(/<button[^>]*data-testid="merge-confirm"[^>]*disabled=""[^>]*>Merging…/);
  });

  it('done: reports what the hub moved, even once the candidate is gone', () => {
    const result = { mergedId: candidate.deviceId, intoId: '01J00000000000000000000001', movedChanges: 1, movedHealthSamples: 12, movedInventory: true };
    const html = renderToStaticMarkup(createElement(SameAssetMergeView, { candidate: null, hasInventory: true, phase: { kind: 'done', result, hostname: 'PC-OLD' } }));
    expect(html).toContain('data-testid="merge-done"');
    expect(html).toContain('moved 1 change, 12 health samples and its inventory');
    const withHours = renderToStaticMarkup(
      createElement(SameAssetMergeView, { candidate: null, hasInventory: true, phase: { kind: 'done', result: { ...result, movedHealthRollups: 30 }, hostname: 'PC-OLD' } }),
    );
    expect(withHours).toContain('moved 1 change, 12 health samples, 30 hours of health history and its inventory');
  });

  it('failed: shows why, and offers the button again', () => {
    const html = view({ kind: 'failed', message: 'The hub refused the merge: already merged.' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('already merged');
    expect(html).toContain('data-testid="merge-candidate"');
  });

  it('without a merge action (read-only) or a candidate, no button', () => {
    expect(renderToStaticMarkup(createElement(SameAssetMergeView, { candidate, hasInventory: true, phase: { kind: 'idle' } }))).not.toContain('merge-candidate');
    expect(view({ kind: 'idle' }).length).toBeGreaterThan(0);
    expect(renderToStaticMarkup(createElement(SameAssetMergeView, { candidate: null, hasInventory: true, phase: { kind: 'idle' } }))).toBe('');
  });
});

describe('mergeErrorMessage', () => {
  it('maps hub errors to actionable text', () => {
    expect(mergeErrorMessage(new ApiError('forbidden', 'no', 403))).toBe('You may not merge device records.');
    expect(mergeErrorMessage(new ApiError('conflict', 'This device record is already revoked or merged.', 409))).toContain('already revoked or merged');
    expect(mergeErrorMessage(new Error('boom'))).toMatch(/merge failed/);
  });
});

describe('SameAssetMerge in the Changes panel', () => {
  it('starts idle with the button when the page can merge', () => {
    const html = renderToStaticMarkup(
      createElement(ChangesPanel, { changes: [], candidate, merge: { deviceId: '01J00000000000000000000001', hasInventory: true, call: never, onMerged: () => undefined } }),
    );
    expect(html).toContain('data-testid="merge-candidate"');
  });

  it('renders a given starting phase (confirmation) from the stateful wrapper', () => {
    const html = renderToStaticMarkup(
      createElement(SameAssetMerge, { deviceId: '01J00000000000000000000001', candidate, hasInventory: false, merge: never, onMerged: () => undefined, initialPhase: { kind: 'confirming' } }),
    );
    expect(html).toContain('data-testid="merge-confirm"');
  });
});
