/**
 * Hard limits shared by both ends. The hub enforces them; the agent trims to them before sending,
 * so an honest agent never trips them and a hostile one is refused.
 */
export const LIMITS = {
  /**
   * Largest socket.io message the hub accepts (engine.io maxHttpBufferSize). 4 MiB: a full inventory
   * with 10,000 Windows-style software entries measured ~2.1 MB of software alone (2 MiB did not fit).
   */
  socketMessageBytes: 4 * 1024 * 1024,
  /** Largest JSON body the HTTP API accepts. */
  httpJsonBytes: 1024 * 1024,
  /** Deepest nesting accepted in any JSON payload. */
  jsonDepth: 16,
  shortText: 256,
  longText: 4096,
  /** Items in an inventory list (disks, volumes, adapters). */
  inventoryList: 256,
  /** Addresses per network adapter. */
  addresses: 64,
  /** Largest plausible byte count (1 EiB): anything above is garbage, not a disk. */
  maxBytes: 2 ** 60,
} as const;
