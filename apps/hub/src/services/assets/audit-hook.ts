/**
 * The single place asset edits and exports are reported to the hub's audit log.
 *
 * The security work adds an audit service (`audit.record(...)`); until it is wired in
 * `api-routes.ts`, `noAudit` stands in. Asset edits are ALSO kept in `asset_edits` (who, when,
 * before → after), so nothing is lost meanwhile; exports are logged only through this hook.
 */
export interface AssetAuditEntry {
  actorId: string;
  actorName: string;
  /** `asset.edit`, `inventory.export`, `group.create`, … */
  action: string;
  /** What was acted on: `device:<id>`, `group:<id>`, `export:inventory.csv`. */
  target: string;
  details: Record<string, unknown>;
}

export type AssetAuditHook = (entry: AssetAuditEntry) => Promise<void>;

/** Records nothing: the stand-in until the audit service exists. */
export const noAudit: AssetAuditHook = () => Promise.resolve();
