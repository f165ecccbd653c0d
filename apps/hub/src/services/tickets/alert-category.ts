import type { TicketCategory } from '@deskside/protocol';

/**
 * The category of a ticket opened for an alert, so that the activity report's "by category" and
 * recurring problems count a failing disk as hardware rather than as "other". Security posture
 * (antivirus, firewall) and pending reboots are the OS and its software; a device that stopped
 * answering is first a network question. Checks added later fall back to "other".
 */
const BY_CHECK: Readonly<Record<string, TicketCategory>> = {
  'disk-free': 'hardware',
  'memory-pressure': 'hardware',
  'cpu-sustained': 'hardware',
  'battery-health': 'hardware',
  'smart-failing': 'hardware',
  'inventory-change': 'hardware',
  antivirus: 'software',
  firewall: 'software',
  'reboot-pending': 'software',
  uptime: 'software',
  'device-offline': 'network',
};

export function categoryForCheck(check: string): TicketCategory {
  return Object.hasOwn(BY_CHECK, check) ? (BY_CHECK[check] ?? 'other') : 'other';
}
