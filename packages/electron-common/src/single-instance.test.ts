import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSingleInstance, type SingleInstanceOptions } from './single-instance.js';
import { app, memoryLogger, resetElectronMock } from './testing/index.js';

vi.mock('electron', () => import('./testing/index.js'));

beforeEach(() => resetElectronMock());

function start(overrides: Partial<SingleInstanceOptions> = {}) {
  const logger = memoryLogger();
  const options = { onSecondInstance: vi.fn(), keepRunningWithoutWindows: false, onReady: vi.fn(async () => {}), logger, ...overrides };
  return { started: startSingleInstance(options), options, logger };
}

describe('startSingleInstance', () => {
  it('quits and wires nothing when another instance holds the lock', () => {
    app.requestSingleInstanceLock.mockImplementation(() => false);
    const { started } = start();
    expect(started).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.eventNames()).toEqual([]);
  });

  it('hands a second launch to onSecondInstance', () => {
    const { started, options } = start();
    expect(started).toBe(true);
    app.emit('second-instance');
    expect(options.onSecondInstance).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it.each([
    [true, 0],
    [false, 1],
  ])('keepRunningWithoutWindows=%s: quits on the last window %s time(s)', (keepRunningWithoutWindows, quits) => {
    start({ keepRunningWithoutWindows });
    // The listener must exist either way: without one, Electron quits by itself.
    expect(app.listenerCount('window-all-closed')).toBe(1);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(quits);
  });

  it('runs onReady once Electron is ready', async () => {
    app.whenReady.mockImplementation(async () => {});
    const { options } = start();
    await vi.waitFor(() => expect(options.onReady).toHaveBeenCalledTimes(1));
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('logs a failed start-up and exits with 1', async () => {
    app.whenReady.mockImplementation(async () => {});
    const { logger } = start({ onReady: async () => Promise.reject(new Error('boom')) });
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'start-up failed' }));
  });
});
