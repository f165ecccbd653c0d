import { describe, expect, it } from 'vitest';
// No vi.mock('electron') in this file, on purpose: the entry must load where Electron is absent
// (importing the real `electron` package outside Electron throws here, as no binary is installed).
import * as rules from './rules.js';

describe('@deskside/electron-common/rules', () => {
  it('loads without Electron and exports the plain rules', () => {
    expect(Object.keys(rules).sort()).toEqual(['InvalidIpcArguments', 'ipcSenderRejection', 'isLocalPageUrl', 'isSafeExternalUrl', 'parseIpcArgs']);
  });
});
