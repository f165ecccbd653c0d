// The tray without Electron, for e2e tests: the same harness `npm run tray:preview` runs (the tray's
// real main-process code over a REAL agent-core enrolled against a REAL hub), with a simulated
// inventory, answered DNS (the build network is closed) and a fixed screenshot. Pages are opened
// in Chromium at the tray's window size, in a given colour scheme and language.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AckedInventoryStore,
  AgentRuntime,
  AgentStateStore,
  connectToHub,
  createFixDesk,
  enroll,
  KbDesk,
  Outbox,
  SiteAppearanceCache,
  silentLogger,
  systemClock,
  TicketDesk,
  type ConnectivityProbes,
} from '@deskside/agent-core';
import { newId } from '@deskside/protocol';
import { simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import type { CapturedScreenshot } from '../../apps/agent/src/main/screenshot.js';
import type { WindowKind } from '../../apps/agent/src/main/windows.js';
import { startPreviewServer, type PreviewServer } from '../../apps/agent/src/preview/preview-server.js';
import { sampleScreenshot } from '../../apps/agent/src/preview/sample-screenshot.js';
import { createTrayHarness, type TrayHarness } from '../../apps/agent/src/preview/tray-harness.js';
import { TEST_ENROLL_TOKEN, type TestHub } from './hub.js';
import { repoRoot } from './paths.js';

// A real PNG of a desktop with an error dialog: the "screenshot" desktopCapturer would have taken.
export const TEST_SCREENSHOT: CapturedScreenshot = sampleScreenshot(480, 300);

/** Injected probes: DNS is answered here; the hub check is real. */
function probes(): ConnectivityProbes {
  return {
    networkInterfaces: () => ({ eth0: [{ address: '192.0.2.10', family: 'IPv4', internal: false }] }),
    defaultGateway: () => Promise.resolve('192.0.2.1'),
    gatewayReachable: () => Promise.resolve(true),
    lookup: () => Promise.resolve('127.0.0.1'),
    dnsServers: () => ['192.0.2.53'],
    hubHealthy: async (hubUrl) => {
      try {
        return (await fetch(new URL('/healthz', hubUrl), { signal: AbortSignal.timeout(2_000) })).ok;
      } catch {
        return false;
      }
    },
    now: () => Date.now(),
  };
}

export interface TestTray {
  harness: TrayHarness;
  server: PreviewServer;
  desk: TicketDesk;
  /** The "temporary folder" the agent's clear-temp-files fix works on (a temp dir of the test). */
  fixTempDir: string;
  kb: KbDesk;
  runtime(): AgentRuntime;
  /** Errors thrown in pages and CSP violations, for a final `toEqual([])`. */
  pageErrors: string[];
  open(kind: WindowKind, options?: { query?: string; scheme?: 'light' | 'dark'; locale?: string; width?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startTray(hub: TestHub, browser: Browser, hostname = 'e2e-help-pc'): Promise<TestTray> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'deskside-e2e-tray-'));
  const outbox = await Outbox.open(path.join(stateDir, 'outbox'));
  const desk = new TicketDesk({
    stateDir,
    outbox,
    now: () => Date.now(),
    newId: () => newId(),
    requester: () => ({ name: 'Erin Employee', username: 'erin', email: null }),
    hostname: () => hostname,
    probes: probes(),
    logger: silentLogger,
  });
  const kb = new KbDesk({ stateDir, outbox, now: () => Date.now(), newId: () => newId(), logger: silentLogger });
  const inventory = simulatedInventory(7, 1);
  if (inventory.os) inventory.os.hostname = hostname;
  let runtime: AgentRuntime | null = null;
  const fixTempDir = mkdtempSync(path.join(tmpdir(), 'deskside-e2e-fix-temp-'));
  const clock = systemClock();
  const fixes = createFixDesk({ stateDir, clock, logger: silentLogger, outbox, overrides: { elevated: false, env: { tmpDir: fixTempDir, home: fixTempDir, linuxPackageManager: 'apt', systemRoot: '' } } });
  const harness = createTrayHarness({
    hubUrl: hub.url,
    enrollToken: TEST_ENROLL_TOKEN,
    stateDir,
    createRuntime: () => {
      runtime = new AgentRuntime({
        clock: systemClock(),
        logger: silentLogger,
        stateStore: new AgentStateStore(stateDir, silentLogger),
        ackedInventory: new AckedInventoryStore(stateDir),
        outbox,
        collectInventory: () => Promise.resolve(inventory),
        sampleMetrics: () => Promise.resolve(simulatedMetrics()),
        connect: connectToHub,
        enroll,
        machineId: () => Promise.resolve(`e2e-machine-${hostname}`.padEnd(24, '0')),
        hostname: () => hostname,
        sendTimeoutMs: 5_000,
        tickets: desk,
        siteAppearance: new SiteAppearanceCache({ stateDir, logger: silentLogger }),
        fixes,
        kb,
      });
      return Promise.resolve(runtime);
    },
    capture: () => Promise.resolve(TEST_SCREENSHOT),
    facts: () => Promise.resolve({ serialNumber: 'SN-E2E-0001', os: 'Windows 11 Pro 23H2' }),
    helpDesk: { name: 'IT help desk', email: 'help@example.com', phone: '+44 20 7946 0000', url: null },
    logger: silentLogger,
  });
  const server = await startPreviewServer({ rendererDir: path.join(repoRoot, 'apps/agent/dist/renderer'), harness });
  await harness.start();
  const pageErrors: string[] = [];
  return {
    harness,
    server,
    desk,
    fixTempDir,
    kb,
    runtime: () => {
      if (!runtime) throw new Error('the agent runtime did not start');
      return runtime;
    },
    pageErrors,
    async open(kind, options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 420, height: 600 },
        colorScheme: options.scheme ?? 'light',
        locale: options.locale ?? 'en-GB',
      });
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
      });
      page.on('close', () => void context.close().catch(() => undefined));
      await page.goto(`${server.url}/${kind}.html${options.query ?? ''}`);
      return page;
    },
    async close() {
      await server.close();
      await harness.stop('test over');
      rmSync(stateDir, { recursive: true, force: true });
      rmSync(fixTempDir, { recursive: true, force: true });
    },
  };
}
