/**
 * @deskside/hub: start-up. `createHub` builds a hub (tests and embedding); `runHub` is what the
 * `deskside-hub` command does with it: banner on stdout, graceful stop on SIGINT/SIGTERM.
 */
import { createHub, type Hub, type HubDeps } from './app.js';
import { formatBanner } from './bootstrap/banner.js';
import type { HubConfig } from './config.js';
import { createLogger, parseLogLevel, type Logger } from './log/logger.js';

export { createHub, type Hub, type HubDeps } from './app.js';
export { resolveConfig, DEFAULT_CONFIG, type HubConfig } from './config.js';
export { READY_MARKER } from './bootstrap/banner.js';

export interface RunOptions {
  stdout?: (text: string) => void;
  logger?: Logger;
  /** Install SIGINT/SIGTERM handlers (the CLI does; embedders may not want to). */
  handleSignals?: boolean;
}

/** Starts the hub, prints the banner, and stops gracefully on the first SIGINT/SIGTERM. */
export async function runHub(config: HubConfig, options: RunOptions = {}): Promise<Hub> {
  const logger = options.logger ?? createLogger({ level: parseLogLevel(process.env['DESKSIDE_LOG_LEVEL']) });
  const stdout = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const deps: HubDeps = { logger };
  const hub = await createHub(config, deps);
  logger.info('hub listening', { url: hub.url, database: hub.store.dialect });
  stdout(
    formatBanner(hub.url, hub.port, hub.credentials, {
      enrollTokenFromEnv: config.enrollToken !== undefined,
      adminPasswordFromEnv: config.adminPassword !== undefined,
      ...(hub.tlsFingerprint ? { tlsFingerprint: hub.tlsFingerprint } : {}),
    }),
  );

  if (options.handleSignals ?? true) {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        logger.warn('second signal: exiting now', { signal });
        process.exit(1);
      }
      stopping = true;
      logger.info('stopping', { signal });
      hub.close().then(
        () => {
          logger.info('stopped');
          process.exitCode = 0;
        },
        (error: unknown) => {
          logger.error('shutdown failed', { error });
          process.exitCode = 1;
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
  return hub;
}
