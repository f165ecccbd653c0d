import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsonLogger } from '@deskside/agent-core';
import { createAgentRuntime, readComputerFacts } from '../main/agent-runtime.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';
import { sampleScreenshot } from './sample-screenshot.js';
import { createTrayHarness, type TrayHarness } from './tray-harness.js';

export interface RunPreviewOptions {
  hubUrl: string;
  enrollToken: string;
  stateDir: string;
  port?: number;
}

/** The built renderer pages, next to this file's own build output. */
export const BUILT_RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');

/**
 * `npm run tray:preview`'s agent half: the real agent-core (real collectors, outbox, socket.io
 * connection) enrolled against `hubUrl`, behind the tray's own main-process code, with the four
 * windows served to a browser. Only the screenshot is a stand-in (there is no desktopCapturer).
 */
export async function runTrayPreview(options: RunPreviewOptions): Promise<{ url: string; harness: TrayHarness; server: PreviewServer; stop(): Promise<void> }> {
  const logger = createJsonLogger({ level: 'warn' });
  const harness = createTrayHarness({
    hubUrl: options.hubUrl,
    enrollToken: options.enrollToken,
    stateDir: options.stateDir,
    createRuntime: createAgentRuntime,
    capture: () => Promise.resolve(sampleScreenshot()),
    facts: readComputerFacts,
    helpDesk: { name: 'IT help desk', email: 'help@example.com', phone: '+44 20 7946 0000', url: null },
    logger,
  });
  const server = await startPreviewServer({ rendererDir: BUILT_RENDERER_DIR, harness, ...(options.port === undefined ? {} : { port: options.port }) });
  void harness.start();
  return {
    url: server.url,
    harness,
    server,
    stop: async () => {
      await server.close();
      await harness.stop('preview stopped');
    },
  };
}
