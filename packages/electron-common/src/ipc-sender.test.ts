import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { ipcSenderRejection, type SenderCheck } from './ipc-sender.js';
import { fakeContents, invokeEvent } from './testing/index.js';

const PAGE = 'file:///opt/app/renderer/main.html';
const ours = fakeContents();
const check: SenderCheck = {
  isAllowedPage: (url) => url === PAGE,
  ownsSender: (contents: WebContents) => contents.id === ours.id,
  names: { page: 'an app page', window: 'one of the app windows' },
};

describe('ipcSenderRejection', () => {
  it.each<[string, WebContents, { url: string; parent?: unknown } | null, string | null]>([
    ['our window on our page', ours, { url: PAGE }, null],
    ['our window on a foreign site', ours, { url: 'https://evil.example/' }, 'sender frame is not an app page'],
    ['devtools', ours, { url: 'devtools://devtools/bundled/devtools_app.html' }, 'sender frame is not an app page'],
    ['a sub-frame of our page', ours, { url: PAGE, parent: {} }, 'sender is a sub-frame'],
    ['a frame that is gone', ours, null, 'sender frame is gone'],
    ['another web contents on our page URL', fakeContents(), { url: PAGE }, 'sender is not one of the app windows'],
    // The frame checks come first: a sub-frame on a foreign page is refused as a sub-frame.
    ['a foreign sub-frame in another contents', fakeContents(), { url: 'https://evil.example/', parent: {} }, 'sender is a sub-frame'],
  ])('%s', (_name, contents, frame, expected) => {
    expect(ipcSenderRejection(invokeEvent(contents, frame), check)).toBe(expected);
  });
});
