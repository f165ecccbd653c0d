/** Protocol version spoken by this build. Bump on any incompatible change to an event or payload. */
export const PROTOCOL_VERSION = 1;

/** The oldest agent protocol the hub still serves; older agents get a clear `protocol_unsupported` refusal. */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 1;

/** Whether a peer speaking `version` can talk to this build. */
export function isSupportedProtocol(version: number): boolean {
  return Number.isInteger(version) && version >= MIN_SUPPORTED_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
}
