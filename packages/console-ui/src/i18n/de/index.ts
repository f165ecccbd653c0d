import type { Messages } from '../en/index.js';
import { common } from './common.js';
import { nav } from './nav.js';
import { time } from './time.js';

/** Deutsch: Sie-Form, die Fachwörter eines Helpdesks (Ticket, Hub) bleiben. */
export const de: Messages = { common, nav, time };
