/**
 * SecurityCenter2 `productState`, an undocumented bit field read the way Microsoft's own WSC
 * headers lay it out (WSC_SECURITY_PRODUCT_STATE etc.), as three bytes 0xAABBCC:
 *
 * - AA (bits 16–23): security-provider flags (0x04 antivirus, 0x02 auto-update, 0x08 antispyware…).
 * - BB (bits 8–15): high nibble = scanner state: 0x0 off, 0x1 on, 0x2 snoozed, 0x3 expired;
 *   low nibble 0x1 = the product is Microsoft's own.
 * - CC (bits 0–7): signatures: 0x00 up to date, 0x10 out of date.
 *
 * Defender enabled and current reports 397568 = 0x061100 (AA 0x06, BB 0x11: on + Microsoft, CC 0x00).
 */
export type ScannerState = 'off' | 'on' | 'snoozed' | 'expired';

export interface DecodedProductState {
  readonly scanner: ScannerState;
  readonly enabled: boolean;
  readonly upToDate: boolean;
  readonly microsoftProduct: boolean;
  readonly providerFlags: number;
}

const SCANNER: readonly ScannerState[] = ['off', 'on', 'snoozed', 'expired'];

export function decodeProductState(productState: number): DecodedProductState | undefined {
  if (!Number.isInteger(productState) || productState < 0 || productState > 0xffffff) return undefined;
  const scanner = SCANNER[(productState >> 12) & 0x3] ?? 'off';
  return {
    scanner,
    enabled: scanner === 'on',
    upToDate: (productState & 0xf0) === 0,
    microsoftProduct: ((productState >> 8) & 0x0f) === 0x01,
    providerFlags: (productState >> 16) & 0xff,
  };
}
