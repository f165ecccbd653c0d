import type { AgentTicketCreate, AlertRaise } from '@deskside/protocol';

type TicketSeed = Pick<AgentTicketCreate, 'subject' | 'description' | 'category' | 'impact' | 'urgency'> & {
  /** What the technician does with it: every stage of a ticket's life appears in the demo. */
  stage: 'new' | 'assigned' | 'replied' | 'pending' | 'resolved' | 'closed';
};

/** The help desk's week: realistic requests at every stage. */
export const TICKETS: readonly TicketSeed[] = [
  { subject: 'Outlook keeps asking for my password', description: 'Since this morning Outlook asks for my password every 10 minutes.', category: 'email', impact: 'low', urgency: 'high', stage: 'new' },
  { subject: 'Printer on floor 2 jams on every job', description: 'The HP on floor 2 jams after the first page.', category: 'printer', impact: 'medium', urgency: 'medium', stage: 'assigned' },
  { subject: 'VPN disconnects every hour', description: 'AnyConnect drops every hour when working from home.', category: 'network', impact: 'medium', urgency: 'medium', stage: 'replied' },
  { subject: 'Need Adobe Acrobat Pro for contracts', description: 'I need to edit PDFs for the new contracts.', category: 'software', impact: 'low', urgency: 'low', stage: 'pending' },
  { subject: 'Laptop very slow after update', description: 'Since the last Windows update the laptop takes 10 minutes to start.', category: 'hardware', impact: 'medium', urgency: 'high', stage: 'assigned' },
  { subject: 'Cannot open the shared Finance folder', description: 'Access denied on \\\\files\\finance since yesterday.', category: 'account', impact: 'high', urgency: 'high', stage: 'new' },
  { subject: 'Second screen flickers', description: 'The Dell screen flickers when connected through the dock.', category: 'hardware', impact: 'low', urgency: 'medium', stage: 'resolved' },
  { subject: 'Teams camera not detected', description: 'Teams says no camera found, the camera works in the Camera app.', category: 'software', impact: 'low', urgency: 'medium', stage: 'closed' },
  { subject: 'New starter on Monday: laptop and accounts', description: 'Camille Roux starts Monday in Sales: laptop, email, CRM.', category: 'account', impact: 'medium', urgency: 'medium', stage: 'replied' },
  { subject: 'Wi-Fi drops in meeting room B', description: 'The Wi-Fi keeps dropping in meeting room B on the 3rd floor.', category: 'network', impact: 'medium', urgency: 'low', stage: 'new' },
  { subject: 'Excel crashes when opening the budget file', description: 'Excel closes without a message when I open Budget-2027.xlsx.', category: 'software', impact: 'medium', urgency: 'high', stage: 'assigned' },
  { subject: 'Keyboard missing keys', description: 'The E and R keys came off my laptop keyboard.', category: 'hardware', impact: 'low', urgency: 'low', stage: 'resolved' },
];

type AlertSeed = Pick<AlertRaise, 'check' | 'subject' | 'severity' | 'message' | 'value' | 'threshold'>;

/** Alerts as real agents raise them; the demo puts some on PCs at each site. */
export const ALERTS: readonly AlertSeed[] = [
  { check: 'disk-free', subject: 'C:', severity: 'critical', message: 'C: has 4 % free (9.6 GB of 238 GB)', value: 4, threshold: 5 },
  { check: 'disk-free', subject: 'C:', severity: 'warning', message: 'C: has 9 % free (21 GB of 238 GB)', value: 9, threshold: 10 },
  { check: 'antivirus', subject: '', severity: 'critical', message: 'Microsoft Defender Antivirus is turned off', value: null, threshold: null },
  { check: 'reboot-pending', subject: '', severity: 'warning', message: 'A restart has been pending for 9 days to finish installing updates', value: 9, threshold: 7 },
  { check: 'battery-health', subject: '', severity: 'warning', message: 'Battery holds 61 % of its design capacity', value: 61, threshold: 70 },
  { check: 'memory-pressure', subject: '', severity: 'warning', message: 'Memory above 92 % for 20 minutes', value: 92, threshold: 90 },
  { check: 'firewall', subject: '', severity: 'critical', message: 'Windows Firewall is off for the Public profile', value: null, threshold: null },
  { check: 'uptime', subject: '', severity: 'info', message: 'Not restarted for 34 days', value: 34, threshold: 30 },
];
