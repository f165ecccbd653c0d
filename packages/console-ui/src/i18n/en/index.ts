import { common } from './common.js';
import { nav } from './nav.js';
import { time } from './time.js';

/**
 * Every word of the console in English, one file per area (a page's helper adds its own file and
 * one line here, so concurrent work does not collide). Other languages are typed as `Messages`:
 * a missing or extra key fails the type check.
 */
export const en = { common, nav, time };

export type Messages = typeof en;
