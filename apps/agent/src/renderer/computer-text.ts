import type { TFunction } from 'i18next';
import type { ThisComputerInfo } from '../common/bridge-api.js';

/** One labelled row of the "This computer" card. */
export interface ComputerRow {
  label: string;
  value: string;
}

/**
 * The rows shown, in the order a technician asks for them; unknown values say so. The device's
 * internal id is not among them: the hub finds the PC by its name or serial number.
 */
export function computerRows(info: ThisComputerInfo, t: TFunction): ComputerRow[] {
  return [
    { label: t('computer.name'), value: info.hostname },
    { label: t('computer.user'), value: info.user },
    { label: t('computer.ip'), value: info.ipAddresses.length > 0 ? info.ipAddresses.join(', ') : t('computer.noNetwork') },
    { label: t('computer.serial'), value: info.serialNumber ?? t('diagnostics.unknown') },
    { label: t('computer.os'), value: info.os },
    { label: t('computer.connection'), value: t(`computer.status.${info.status}`) },
  ];
}

/** Plain text for the clipboard: one "Label: value" line per row. */
export function computerText(info: ThisComputerInfo, t: TFunction): string {
  return computerRows(info, t)
    .map((row) => `${row.label}: ${row.value}`)
    .join('\n');
}
