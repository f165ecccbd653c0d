import { describe, expect, it } from 'vitest';
import { okValue } from '../testing/ok-value.js';
import { parseAdminMembers, parsePasswd } from './passwd-group.js';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'alice:x:1000:1000:Alice Martin,,,:/home/alice:/bin/bash',
  'svc:x:1001:1001::/home/svc:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  'broken-line',
].join('\n');

describe('passwd and group', () => {
  it('keeps root and human accounts with a login shell', () => {
    expect(okValue(parsePasswd(PASSWD))).toEqual([
      { name: 'root', uid: 0, gecos: 'root', shell: '/bin/bash' },
      { name: 'alice', uid: 1000, gecos: 'Alice Martin', shell: '/bin/bash' },
    ]);
  });

  it('collects sudo/wheel/admin members', () => {
    expect([...parseAdminMembers('sudo:x:27:alice,bob\nusers:x:100:carol\nwheel:x:10:dave\n')]).toEqual(['alice', 'bob', 'dave']);
  });

  it('is unknown for a file that is not passwd', () => expect(parsePasswd('hello').status).toBe('unknown'));
});
