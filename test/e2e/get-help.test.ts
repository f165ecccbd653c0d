// The tray's Get help and My tickets windows in Chromium (no Electron binary here): the BUILT renderer
// pages, served over HTTP, with `window.deskside` injected before their scripts run and wired to the
// tray's real main-process handlers (zod-validated IPC, HelpSession) over a REAL agent-core runtime
// enrolled against a REAL hub. A ticket goes in with a screenshot and diagnostics, a technician
// answers through the hub, and the answer shows up live in My tickets; offline, it queues.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AckedInventoryStore,
  AgentRuntime,
  AgentStateStore,
  connectToHub,
  enroll,
  Outbox,
  silentLogger,
  systemClock,
  TicketDesk,
  type ConnectivityProbes,
} from '@deskside/agent-core';
import { newId, TicketDetailSchema, TicketListResponseSchema, type Ticket } from '@deskside/protocol';
import { simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { WebContents } from 'electron';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS } from '../../apps/agent/src/common/ipc-channels.js';
import { createIpcHandlers } from '../../apps/agent/src/main/ipc-handlers.js';
import type { IpcHandlers } from '../../apps/agent/src/main/ipc.js';
import type { CapturedScreenshot } from '../../apps/agent/src/main/screenshot.js';
import { createTicketFeature } from '../../apps/agent/src/main/tickets-feature.js';
import type { WindowKind } from '../../apps/agent/src/main/windows.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { repoRoot } from '../support/paths.js';
import { serveDirectory, type StaticServer } from '../support/static-server.js';

// A real 2×2 PNG (red, green / blue, white): the "screenshot" desktopCapturer would have taken.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
const SCREENSHOT = { mediaType: 'image/png', dataBase64: PNG_BASE64, width: 2, height: 2, bytes: 75 } as unknown as CapturedScreenshot;

/** The page-side bridge: every call goes to the test process; pushes come back through __desksidePush. */
const BRIDGE_SCRIPT = `(() => {
  const channels = ${JSON.stringify(IPC_INVOKE_CHANNELS)};
  const events = ${JSON.stringify(IPC_EVENT_CHANNELS)};
  const listeners = new Map();
  const on = (channel, cb) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(cb);
    listeners.set(channel, set);
    return () => set.delete(cb);
  };
  window.__desksidePush = (channel, value) => { for (const cb of listeners.get(channel) ?? []) cb(value); };
  const call = (channel, ...args) => window.__desksideInvoke(channel, JSON.stringify(args)).then((r) => {
    const parsed = JSON.parse(r);
    if (parsed.error) throw new Error(parsed.error);
    return parsed.value;
  });
  const api = {};
  for (const [method, channel] of Object.entries(channels)) api[method] = (...args) => call(channel, ...args);
  api.onStatus = (cb) => on(events.status, cb);
  api.onTicketUpdated = (cb) => on(events.ticketUpdated, cb);
  api.onShowTicket = (cb) => on(events.showTicket, cb);
  Object.defineProperty(window, 'deskside', { value: Object.freeze(api) });
})();`;

/** Injected probes: the build network is closed, so DNS is answered here; the hub check is real. */
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

describe('Get help and My tickets (tray renderer in Chromium, real agent-core and hub)', () => {
  let hub: TestHub;
  let renderer: StaticServer;
  let browser: Browser;
  let runtime: AgentRuntime;
  let desk: TicketDesk;
  let handlers: IpcHandlers;
  let token: string;
  const stateDir = mkdtempSync(path.join(tmpdir(), 'deskside-e2e-tray-'));
  const pages = new Map<WindowKind, Page>();
  const pageErrors: string[] = [];

  const fakeContents = (kind: WindowKind) =>
    ({
      id: kind.length,
      isDestroyed: () => pages.get(kind)?.isClosed() ?? true,
      send: (channel: string, value: unknown) => {
        void pages
          .get(kind)
          ?.evaluate(([c, v]) => (window as unknown as { __desksidePush(c: unknown, v: unknown): void }).__desksidePush(c, v), [channel, value] as const)
          .catch(() => undefined);
      },
    }) as unknown as WebContents;

  async function openPage(kind: WindowKind, query = ''): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
    await page.exposeBinding('__desksideInvoke', async (_source, channel: string, argsJson: string) => {
      const handler = handlers[channel as keyof IpcHandlers];
      try {
        return JSON.stringify({ value: (await handler(...(JSON.parse(argsJson) as unknown[]))) ?? null });
      } catch (e) {
        return JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    await page.addInitScript(BRIDGE_SCRIPT);
    pages.set(kind, page);
    await page.goto(`${renderer.url}/${kind}.html${query}`);
    return page;
  }

  async function hubTickets(): Promise<Ticket[]> {
    const res = await hub.get('/api/v1/tickets', token);
    expect(res.status).toBe(200);
    return TicketListResponseSchema.parse(res.body).tickets;
  }

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    renderer = await serveDirectory(path.join(repoRoot, 'apps/agent/dist/renderer'));
    browser = await launchChromium();
    const outbox = await Outbox.open(path.join(stateDir, 'outbox'));
    desk = new TicketDesk({
      stateDir,
      outbox,
      now: () => Date.now(),
      newId: () => newId(),
      requester: () => ({ name: 'Erin Employee', username: 'erin', email: null }),
      hostname: () => 'e2e-help-pc',
      probes: probes(),
      logger: silentLogger,
    });
    const inventory = simulatedInventory(7, 1);
    if (inventory.os) inventory.os.hostname = 'e2e-help-pc';
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
      machineId: () => Promise.resolve('e2e-help-machine-000001'),
      hostname: () => 'e2e-help-pc',
      sendTimeoutMs: 5_000,
      tickets: desk,
    });
    const feature = createTicketFeature({
      tickets: () => desk,
      status: () => (runtime.status().phase === 'connected' ? 'connected' : 'offline'),
      onTicketChange: (listener) => desk.onChange(listener),
      hubUrl: hub.url,
      capture: () => Promise.resolve(SCREENSHOT),
      notify: () => {},
      windows: {
        show: () => undefined,
        isOpen: (kind) => pages.has(kind),
        contentsOf: (kind) => (pages.has(kind) ? fakeContents(kind) : null),
        allContents: () => [...pages.keys()].map(fakeContents),
      },
      logger: silentLogger,
    });
    feature.setup();
    handlers = createIpcHandlers({
      thisComputer: () => Promise.reject(new Error('not in this test')),
      helpDesk: () => null,
      writeClipboard: () => {},
      ...feature.handlers,
    });
    await runtime.start({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN });
    await vi.waitFor(() => expect(runtime.status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
    // The Get help window opens only after the screenshot was taken (main does this on the menu click).
    await feature.openGetHelp();
  });

  afterAll(async () => {
    await runtime?.stop('test over');
    await browser?.close();
    await renderer?.close();
    await hub?.cleanup();
    rmSync(stateDir, { recursive: true, force: true });
  });

  let ticketId = '';

  it('shows the screenshot and the diagnostics, and says clearly what is missing', async () => {
    const page = await openPage('get-help');
    await page.getByTestId('screenshot-preview').waitFor({ timeout: 15_000 });
    const panel = page.getByTestId('diagnostics-panel');
    await panel.waitFor({ timeout: 15_000 });
    await panel.locator('summary').click();
    expect(await panel.textContent()).toContain('e2e-help-pc');
    expect(await panel.getByTestId('connectivity-report').textContent()).toMatch(/Help desk server\s*reachable/);
    await page.getByTestId('help-submit').click();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/what the problem is/);
    expect(await page.getByTestId('help-subject').getAttribute('aria-invalid')).toBe('true');
  });

  it('submits a ticket with its screenshot; the hub has it once, with the diagnostics', async () => {
    const page = pages.get('get-help') as Page;
    await page.getByLabel('Subject *').fill('Printer jams on every page');
    await page.getByLabel('What happens? *').fill('The 2nd floor printer jams since this morning.');
    await page.getByLabel('Category').selectOption('printer');
    await page.getByLabel('How urgent is it?').selectOption({ label: 'My work is impaired' });
    await page.getByLabel('Who is affected?').selectOption({ label: 'My team' });
    await page.getByTestId('help-submit').click();
    const result = page.getByTestId('help-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-queued')).toBe('false');
    ticketId = (await result.getAttribute('data-ticket-id')) ?? '';
    await page.screenshot({ path: screenshotPath('tray-get-help-sent'), fullPage: true });

    await expect.poll(async () => (await hubTickets()).filter((t) => t.id === ticketId).length, { timeout: 15_000 }).toBe(1);
    const ticket = (await hubTickets()).find((t) => t.id === ticketId);
    expect(ticket).toMatchObject({
      subject: 'Printer jams on every page',
      category: 'printer',
      urgency: 'medium',
      impact: 'medium',
      priority: 'P3',
      source: 'agent',
      hostname: 'e2e-help-pc',
      requester: { name: 'Erin Employee', username: 'erin' },
      hasDiagnostics: true,
    });
    expect(ticket?.attachments.map((a) => [a.kind, a.mediaType])).toEqual([['screenshot', 'image/png']]);
    const detail = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);
    expect(detail.diagnostics?.summary.hostname).toBe('e2e-help-pc');
    expect(detail.diagnostics?.connectivity?.hubReachable).toBe(true);
  });

  it('the console logs in; a technician reply shows up live in My tickets; the employee answers', async () => {
    const consolePage = await browser.newPage();
    await consolePage.goto(hub.url);
    await consolePage.getByTestId('login-username').fill('admin');
    await consolePage.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await consolePage.getByTestId('login-submit').click();
    await consolePage.getByTestId('connection-state').waitFor({ timeout: 15_000 });

    const mine = await openPage('my-tickets', `?ticket=${ticketId}`);
    const row = mine.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
    await row.waitFor({ timeout: 15_000 });

    // The technician answers from the console's ticket page, where the screenshot and diagnostics show.
    await consolePage.goto(`${hub.url}/#/tickets/${ticketId}`);
    await consolePage.getByTestId('ticket-screenshot').waitFor({ timeout: 15_000 });
    await consolePage.getByTestId('ticket-diagnostics').waitFor({ timeout: 15_000 });
    await consolePage.getByTestId('ticket-reply-body').fill('Please try tray 2 while we order a roller.');
    await consolePage.getByTestId('ticket-reply-send').click();
    const answer = mine.locator('[data-testid="thread-message"][data-from="technician"]');
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.textContent()).toContain('Please try tray 2 while we order a roller.');

    await mine.getByLabel(/Your answer|reopen/).fill('Tray 2 works, thanks!');
    await mine.getByTestId('reply-send').click();
    await expect
      .poll(async () => {
        const detail = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);
        return detail.events.filter((e) => e.type === 'reply' && e.body === 'Tray 2 works, thanks!').length;
      }, { timeout: 15_000 })
      .toBe(1);
    // The hub's echo replaces the pending reply: shown once, no longer "waiting to be sent".
    const mineReply = mine.locator('[data-testid="thread-message"][data-from="employee"]').filter({ hasText: 'Tray 2 works, thanks!' });
    await mineReply.filter({ hasNotText: 'waiting to be sent' }).waitFor({ timeout: 15_000 });
    expect(await mineReply.count()).toBe(1);
    await mine.screenshot({ path: screenshotPath('tray-my-tickets'), fullPage: true });
    // …and the employee's answer reaches the console's ticket page live.
    await consolePage.locator('[data-testid="thread-entry"][data-type="reply"]').filter({ hasText: 'Tray 2 works, thanks!' }).waitFor({ timeout: 15_000 });
    await consolePage.screenshot({ path: screenshotPath('get-help-console-ticket'), fullPage: true });
    await consolePage.close();
  });

  it('queues a ticket while the hub is down and delivers it exactly once when it is back', async () => {
    await hub.stop();
    await expect.poll(() => runtime.status().phase, { timeout: 20_000 }).not.toBe('connected');
    const page = await openPage('get-help');
    await page.getByLabel('Subject *').fill('No network in meeting room');
    await page.getByLabel('What happens? *').fill('The Wi-Fi drops every minute.');
    await page.getByLabel('Category').selectOption('network');
    await page.getByTestId('help-submit').click();
    const result = page.getByTestId('help-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-queued')).toBe('true');
    expect(await result.textContent()).toMatch(/queued, will be sent when you are back online/i);
    const queuedId = (await result.getAttribute('data-ticket-id')) ?? '';
    const mine = pages.get('my-tickets') as Page;
    await mine.locator(`[data-testid="ticket-row"][data-ticket-id="${queuedId}"]`).filter({ hasText: /Queued/ }).waitFor({ timeout: 10_000 });

    await hub.restart();
    token = await hub.login();
    await expect.poll(async () => (await hubTickets()).filter((t) => t.id === queuedId).length, { timeout: 60_000 }).toBe(1);
    await mine.locator(`[data-testid="ticket-row"][data-ticket-id="${queuedId}"]`).filter({ hasNotText: /Queued/ }).waitFor({ timeout: 15_000 });
    // Let the drain and a reconnect cycle run again: still exactly once.
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await hubTickets()).filter((t) => t.id === queuedId)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
