import { beforeEach, describe, expect, it, vi } from 'vitest';
import { powerMonitor, resetElectronMock, memoryLogger } from '@deskside/electron-common/testing';
import { setupPower } from './power.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

beforeEach(() => resetElectronMock());

describe('setupPower', () => {
  it('tells the agent about suspend, resume and shutdown', async () => {
    const calls: string[] = [];
    setupPower(
      {
        notifySuspend: () => calls.push('suspend'),
        notifyResume: () => calls.push('resume'),
        stop: async (reason) => {
          calls.push(`stop:${reason}`);
        },
      },
      memoryLogger(),
    );
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('shutdown');
    expect(calls).toEqual(['suspend', 'resume', 'stop:shutdown']);
  });

  it('logs a stop that fails at shutdown', async () => {
    const logger = memoryLogger();
    setupPower({ notifySuspend() {}, notifyResume() {}, stop: async () => Promise.reject(new Error('socket gone')) }, logger);
    powerMonitor.emit('shutdown');
    await vi.waitFor(() => expect(logger.entries).toHaveLength(1));
  });
});
