import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification, resetElectronMock } from '@deskside/electron-common/testing';
import { createNotifier } from './notifications.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

beforeEach(() => resetElectronMock());

describe('createNotifier', () => {
  it('shows the title and body as given', () => {
    const notify = createNotifier({ now: () => 0 });
    expect(notify('New ticket', 'PC-042: printer jam')).toBe(true);
    expect(FakeNotification.instances[0]?.options).toMatchObject({ title: 'New ticket', body: 'PC-042: printer jam' });
    expect(FakeNotification.instances[0]?.show).toHaveBeenCalled();
  });

  it('allows a burst, then waits for the window to pass (fake clock)', () => {
    let now = 0;
    const notify = createNotifier({ now: () => now, burst: 3, windowMs: 10_000 });
    expect([1, 2, 3, 4].map(() => notify('t', 'b'))).toEqual([true, true, true, false]);
    now = 9_999;
    expect(notify('t', 'b')).toBe(false);
    now = 10_000;
    expect(notify('t', 'b')).toBe(true);
    expect(FakeNotification.instances).toHaveLength(4);
  });

  it('does nothing where the OS has no notifications', () => {
    FakeNotification.supported = false;
    expect(createNotifier({ now: () => 0 })('t', 'b')).toBe(false);
    expect(FakeNotification.instances).toHaveLength(0);
  });
});
