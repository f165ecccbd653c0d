/** Relative times ("2 min ago"); absolute dates and times come from Intl in the viewer's locale. */
export const time = {
  justNow: 'just now',
  minutesAgo_one: '{{count}} min ago',
  minutesAgo_other: '{{count}} min ago',
  hoursAgo_one: '{{count}} h ago',
  hoursAgo_other: '{{count}} h ago',
  daysAgo_one: '{{count}} day ago',
  daysAgo_other: '{{count}} days ago',
  never: 'never',
  unknown: 'unknown',
};
