import * as p from '@deskside/protocol';
import type { OperationCatalogue } from './operation-doc.js';

const EXPORT_DESCRIPTION = 'Streams every device the filters select; `X-Total-Count` says how many before the first byte. Audited.';

/** Devices, assets, groups, exports, reports. */
export const FLEET_OPERATIONS: OperationCatalogue = {
  'GET /api/v1/devices': { tag: 'Devices', summary: 'List devices', query: p.DeviceListQuerySchema, response: p.DeviceListResponseSchema },
  'GET /api/v1/devices/:id': { tag: 'Devices', summary: 'One device: inventory, health, open alerts, changes', response: p.DeviceDetailSchema },
  'PATCH /api/v1/devices/:id': { tag: 'Devices', summary: 'Change the asset fields technicians keep', body: p.DevicePatchSchema, response: p.DeviceAssetResponseSchema },
  'GET /api/v1/devices/:id/asset': { tag: 'Devices', summary: 'Asset fields and their edit history', response: p.DeviceAssetResponseSchema },
  'GET /api/v1/devices/:id/changes': { tag: 'Devices', summary: 'Inventory change history', query: p.DeviceChangesQuerySchema, response: p.DeviceChangesResponseSchema },
  'POST /api/v1/devices/:id/merge': { tag: 'Devices', summary: 'Merge a device record into another (a reinstalled PC)', body: p.DeviceMergeRequestSchema, response: p.DeviceMergeResponseSchema },
  'GET /api/v1/devices/:id/health/hourly': { tag: 'Devices', summary: 'Hourly health rollups', query: p.HealthHourlyQuerySchema, response: p.HealthHourlyResponseSchema },
  'GET /api/v1/devices-pending': { tag: 'Devices', summary: 'Devices waiting for approval (cloned machine ids)', response: p.PendingDeviceListResponseSchema },
  'POST /api/v1/devices/:id/revoke': { tag: 'Devices', summary: 'Revoke a device (drops its connections)', response: p.OkResponseSchema },
  'POST /api/v1/devices/:id/approve': { tag: 'Devices', summary: 'Approve a device waiting for approval', response: p.OkResponseSchema },
  'POST /api/v1/devices/:id/reject': { tag: 'Devices', summary: 'Reject a device waiting for approval', response: p.OkResponseSchema },
  'GET /api/v1/groups': { tag: 'Groups', summary: 'List device groups', response: p.GroupListResponseSchema },
  'POST /api/v1/groups': { tag: 'Groups', summary: 'Create a group', body: p.GroupCreateSchema, response: p.GroupSchema, status: 201 },
  'PATCH /api/v1/groups/:id': { tag: 'Groups', summary: 'Change a group', body: p.GroupPatchSchema, response: p.GroupSchema },
  'DELETE /api/v1/groups/:id': { tag: 'Groups', summary: 'Delete a group', response: p.GroupDeletedResponseSchema },
  'GET /api/v1/groups/:id/devices': { tag: 'Groups', summary: 'Devices in a group', query: p.DeviceListQuerySchema, response: p.DeviceListResponseSchema },
  'GET /api/v1/export/inventory.csv': { tag: 'Export', summary: 'Inventory as CSV', description: EXPORT_DESCRIPTION, query: p.ExportQuerySchema, file: 'text/csv' },
  'GET /api/v1/export/inventory.xlsx': {
    tag: 'Export',
    summary: 'Inventory as an Excel workbook',
    description: EXPORT_DESCRIPTION,
    query: p.ExportQuerySchema,
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/v1/export/inventory.json': { tag: 'Export', summary: 'Inventory as JSON', description: EXPORT_DESCRIPTION, query: p.ExportQuerySchema, file: 'application/json' },
  'GET /api/v1/reports/software': {
    tag: 'Reports',
    summary: 'Installed software: the top applications, or one application\'s versions (?name=)',
    query: p.SoftwareReportQuerySchema,
    response: p.SoftwareTopResponseSchema.or(p.SoftwareVersionsResponseSchema),
  },
  'GET /api/v1/search': {
    tag: 'Search',
    summary: 'Ranked devices, tickets, alerts, people and software matching a text (site-scoped)',
    query: p.SearchQuerySchema,
    response: p.SearchResponseSchema,
  },
  'GET /api/v1/reports/activity': { tag: 'Reports', summary: 'Ticket and alert activity over a period', query: p.ActivityReportQuerySchema, response: p.ActivityReportSchema },
  'GET /api/v1/reports/activity.csv': { tag: 'Reports', summary: 'The activity report as CSV', query: p.ActivityReportQuerySchema, file: 'text/csv' },
};
