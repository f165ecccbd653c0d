import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's Dovecot (`apt-get install dovecot-imapd`). */
export const DOVECOT_BIN = process.env['DOVECOT_BIN'] ?? '/usr/sbin/dovecot';

export interface RunningDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway Dovecot IMAP server on loopback, as a normal foreground process with its own
 * config, state and maildir in a temp directory: one user, plain-text login (loopback only).
 * As root, Dovecot's login and mail processes must not be root: they run as Debian's `dovenull`
 * and `dovecot` accounts, which own the maildir.
 */
export async function startDovecot(user = 'desk@example.test', password = 'imap-test-password-7f3a'): Promise<RunningDovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deskside-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const account = (name: string): { uid: number; gid: number } => ({ uid: Number(idOf('-u', name)), gid: Number(idOf('-g', name)) });
  const mailOwner = root ? account('dovecot') : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const me = root ? { internal: 'dovecot', login: 'dovenull', group: 'dovecot' } : { internal: idOf('-un'), login: idOf('-un'), group: idOf('-gn') };
  for (const d of ['run', 'state', 'mail']) mkdirSync(path.join(dir, d), { mode: 0o755 });
  if (root) spawnSync('chown', [`${mailOwner.uid}:${mailOwner.gid}`, path.join(dir, 'mail')]);
  writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}:${mailOwner.uid}:${mailOwner.gid}::${path.join(dir, 'mail', 'desk')}\n`);
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      `instance_name = deskside-test-${port}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'mail_location = maildir:~/Maildir',
      `default_internal_user = ${me.internal}`,
      `default_internal_group = ${me.group}`,
      `default_login_user = ${me.login}`,
      'first_valid_uid = 1',
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
      '}',
      'userdb {',
      '  driver = passwd-file',
      `  args = username_format=%u ${dir}/passwd`,
      '}',
      'service imap-login {',
      '  chroot =',
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      '}',
      'service anvil {',
      '  chroot =',
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(DOVECOT_BIN, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  for (;;) {
    if (await greets(port)) break;
    if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`dovecot did not start:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idOf(flag: string, name?: string): string {
  return spawnSync('id', name === undefined ? [flag] : [flag, name], { encoding: 'utf8' }).stdout.trim();
}

async function greets(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('data', (d: Buffer) => {
      s.destroy();
      resolve(d.toString().startsWith('* OK'));
    });
    s.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
