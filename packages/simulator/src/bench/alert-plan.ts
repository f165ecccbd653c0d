import { AGENT_CHECKS, type AlertRaise } from '@deskside/protocol';
import { between, pick, type Random } from '../random.js';

type AgentCheck = (typeof AGENT_CHECKS)[number];

/** One alert the bench raises: when (ms into the window), from which alerting agent, and what. */
export interface PlannedAlert {
  atMs: number;
  agentIndex: number;
  alert: Pick<AlertRaise, 'check' | 'subject' | 'severity' | 'message' | 'value' | 'threshold'>;
}

const MOUNTS = ['C:', 'D:', '/', '/home', '/var'] as const;

/** What each agent check plausibly says when it fires (the wording the agent's checks use is not the point). */
function alertFor(check: AgentCheck, random: Random): PlannedAlert['alert'] {
  switch (check) {
    case 'disk-free': {
      const pct = between(random, 1, 9);
      return { check, subject: pick(random, MOUNTS), severity: pct < 4 ? 'critical' : 'warning', message: `Only ${pct}% free`, value: pct, threshold: 10 };
    }
    case 'memory-pressure': {
      const pct = between(random, 91, 99);
      return { check, subject: '', severity: 'warning', message: `Memory ${pct}% used for 10 minutes`, value: pct, threshold: 90 };
    }
    case 'cpu-sustained': {
      const pct = between(random, 96, 100);
      return { check, subject: '', severity: 'warning', message: `CPU ${pct}% for 10 minutes`, value: pct, threshold: 95 };
    }
    case 'battery-health': {
      const pct = between(random, 30, 59);
      return { check, subject: 'BAT0', severity: 'info', message: `Battery holds ${pct}% of its design capacity`, value: pct, threshold: 60 };
    }
    case 'smart-failing':
      return { check, subject: `S${between(random, 100000, 999999)}`, severity: 'critical', message: 'The disk reports SMART failure', value: null, threshold: null };
    case 'antivirus':
      return { check, subject: '', severity: 'critical', message: 'Antivirus protection is off', value: null, threshold: null };
    case 'firewall':
      return { check, subject: '', severity: 'warning', message: 'The firewall is off', value: null, threshold: null };
    case 'reboot-pending': {
      const days = between(random, 8, 30);
      return { check, subject: '', severity: 'info', message: `A reboot has been pending for ${days} days`, value: days, threshold: 7 };
    }
    case 'uptime': {
      const days = between(random, 31, 120);
      return { check, subject: '', severity: 'info', message: `Up for ${days} days`, value: days, threshold: 30 };
    }
  }
}

/**
 * `count` alerts at uniformly random moments of a `windowMs` window (so arrivals bunch and gap as
 * a fleet's do), spread over `agents` alerting agents. Every alert has a key of its own — an
 * alert raised again under an open key is an update that may change nothing and send nothing —
 * so a check repeats on an agent only with a numbered subject.
 */
export function planAlerts(count: number, windowMs: number, agents: number, random: Random): PlannedAlert[] {
  if (agents < 1) throw new Error('planAlerts needs at least one agent');
  const plan: PlannedAlert[] = [];
  for (let i = 0; i < count; i++) {
    const agentIndex = i % agents;
    const round = Math.floor(i / agents);
    // Each agent walks the checks from its own starting point, so the fleet's mix is even.
    const check = AGENT_CHECKS[(agentIndex + round) % AGENT_CHECKS.length] ?? 'disk-free';
    const alert = alertFor(check, random);
    const lap = Math.floor(round / AGENT_CHECKS.length);
    if (lap > 0) alert.subject = `${alert.subject}#${lap}`;
    plan.push({ atMs: random() * windowMs, agentIndex, alert });
  }
  return plan.sort((a, b) => a.atMs - b.atMs);
}
