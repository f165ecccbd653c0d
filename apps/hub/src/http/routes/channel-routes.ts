import type { MailChannelStatus } from '@deskside/protocol';
import type { Route } from '../router.js';

/** GET /api/v1/channels/mail: the e-mail channel's health (admins; auditors read). */
export function channelRoutes(mailStatus: () => Promise<MailChannelStatus>): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/channels/mail',
      permission: 'channels.read',
      handler: async () => ({ json: await mailStatus() }),
    },
  ];
}
