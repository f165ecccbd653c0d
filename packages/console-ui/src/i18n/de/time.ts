import type { Messages } from '../en/index.js';

export const time: Messages['time'] = {
  justNow: 'gerade eben',
  minutesAgo_one: 'vor {{count}} Min.',
  minutesAgo_other: 'vor {{count}} Min.',
  hoursAgo_one: 'vor {{count}} Std.',
  hoursAgo_other: 'vor {{count}} Std.',
  daysAgo_one: 'vor {{count}} Tag',
  daysAgo_other: 'vor {{count}} Tagen',
  never: 'nie',
  unknown: 'unbekannt',
};
