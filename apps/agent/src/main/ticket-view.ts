import type { MyTicket } from '@deskside/agent-core';
import type { ConnectivityCheck, DiagnosticsBundle } from '@deskside/protocol';
import type { ConnectivityView, DiagnosticsView, MyTicketView } from '../common/bridge-api.js';

// agent-core's types and the bridge's structural copies must stay assignable: these functions are
// where the compiler checks it (a drift is a type error here, not a surprise in the window).

export const ticketView = (ticket: MyTicket): MyTicketView => ticket;
export const diagnosticsView = (bundle: DiagnosticsBundle): DiagnosticsView => bundle;
export const connectivityView = (check: ConnectivityCheck): ConnectivityView => check;
