import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseNetLocalgroup } from './net-localgroup.js';

// The layout `net localgroup` prints on every Windows version (English and French completion lines).
const EN = ['Alias name     Administrators', 'Comment        Administrators have complete and unrestricted access', '', 'Members', '', '-------------------------------------------------------------------------------', 'Administrator', 'CONTOSO\\Domain Admins', 'jdoe', 'The command completed successfully.', '', ''].join('\r\n');
const FR = ['Nom alias     Administrateurs', '', 'Membres', '', '-------------------------------------------------------------------------------', 'Administrateur', 'La commande s’est terminée correctement.'].join('\r\n');

describe('parseNetLocalgroup', () => {
  it('lists the members between the rule and the completion line', () => {
    expect(okValue(parseWith(parseNetLocalgroup, EN))).toEqual(['Administrator', 'CONTOSO\\Domain Admins', 'jdoe']);
    expect(okValue(parseWith(parseNetLocalgroup, FR))).toEqual(['Administrateur']);
  });

  it('is unknown without the member rule (an error message)', () => {
    expect(parseNetLocalgroup('System error 1376 has occurred.\nThe specified local group does not exist.').status).toBe('unknown');
  });
});
