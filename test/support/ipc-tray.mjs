// A stand-in for the Electron tray in cross-process tests: connects to the agent service over
// local IPC as the OS user it runs as, then obeys JSON lines on stdin and prints JSON lines.
//   node ipc-tray.mjs SOCKET [--claim-uid N] [--marker FILE]
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AgentIpcClient } from '@deskside/agent-core';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'claim-uid': { type: 'string' }, marker: { type: 'string' } } });
const me = userInfo();
const uid = values['claim-uid'] !== undefined ? Number(values['claim-uid']) : me.uid;
const client = new AgentIpcClient({ path: positionals[0], identity: { user: me.username, uid }, reconnectMs: 300 });
const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

client.onConnection((connected, reason) => {
  say({ connected, reason });
  if (connected && values.marker) writeFileSync(values.marker, `${me.username}\n${process.pid}`);
});
client.onTicket((ticket) => say({ event: 'ticket', id: ticket.id, subject: ticket.subject }));
client.start();

createInterface({ input: process.stdin }).on('line', (line) => {
  const { op, ref, ...args } = JSON.parse(line);
  const answer = (promise) => promise.then((data) => say({ ref, ok: true, data }), (e) => say({ ref, ok: false, code: e.code ?? 'error', message: e.message }));
  if (op === 'create') answer(client.call('tickets.create', { subject: args.subject, description: 'from the test tray', category: 'other', impact: 'low', urgency: 'medium', includeDiagnostics: false, screenshot: null }));
  else if (op === 'list') answer(client.call('tickets.list', {}));
  else if (op === 'reply') answer(client.call('tickets.reply', { ticketId: args.ticketId, body: 'a reply' }));
  else if (op === 'quit') {
    client.stop();
    setTimeout(() => process.exit(0), 100);
  }
});
