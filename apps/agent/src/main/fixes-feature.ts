import type { PendingFix } from '@deskside/agent-core';
import type { Language, PendingFixView } from '../common/bridge-api.js';
import { IPC_EVENT_CHANNELS } from '../common/ipc-channels.js';
import { translator } from '../common/translator.js';
import type { FixesPort } from './fixes-port.js';
import type { HandlerDeps } from './ipc-handlers.js';
import type { Logger } from './logger.js';
import type { WindowKind } from './windows.js';

export interface FixFeatureOptions {
  fixes: () => FixesPort | null;
  onPendingFixes: (listener: (pending: PendingFix[]) => void) => () => void;
  windows: {
    show(kind: WindowKind): unknown;
    allContents(): Array<{ isDestroyed(): boolean; send(channel: string, value: unknown): void }>;
  };
  notify: (notice: { title: string; body: string }, onClick: () => void) => void;
  language: () => Language;
  logger: Logger;
}

/** The view a window gets: the same facts, no more. */
export function pendingFixView(p: PendingFix): PendingFixView {
  return { runId: p.runId, action: p.action, params: p.params, requestedBy: p.requestedBy, reason: p.reason, ticketId: p.ticketId, answerBy: p.answerBy };
}

/**
 * Consented fixes in the tray: when the help desk asks to run a fix, the consent window opens with
 * one notification; the window's answer goes back to agent-core's fix desk.
 */
export function createFixFeature(options: FixFeatureOptions) {
  const { windows, logger } = options;
  const handlers: Pick<HandlerDeps, 'listPendingFixes' | 'answerFix'> = {
    listPendingFixes: () => (options.fixes()?.pending() ?? []).map(pendingFixView),
    answerFix: (runId, decision) => {
      const answered = options.fixes()?.answer(runId, decision) ?? false;
      logger.info('fix answered by the employee', { runId, decision, answered });
      return answered;
    },
  };
  return {
    handlers,
    setup(): void {
      options.onPendingFixes((pending) => {
        const views = pending.map(pendingFixView);
        for (const contents of windows.allContents()) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNELS.pendingFixes, views);
        const first = views[0];
        if (!first) return;
        windows.show('fix-consent');
        const t = translator(options.language());
        const what = t(`fixes.actions.${first.action}.title`, { defaultValue: first.action });
        options.notify({ title: t('fixes.notifyTitle'), body: t('fixes.notifyBody', { what }) }, () => windows.show('fix-consent'));
      });
    },
  };
}
