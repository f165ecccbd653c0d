import { lazy } from 'react';

// One chunk per page: the login screen and the shell load first, each page when first opened.
export const AlertsPage = lazy(() => import('../pages/AlertsPage.js').then((m) => ({ default: m.AlertsPage })));
export const DevicePage = lazy(() => import('../pages/DevicePage.js').then((m) => ({ default: m.DevicePage })));
export const FleetPage = lazy(() => import('../pages/FleetPage.js').then((m) => ({ default: m.FleetPage })));
export const AssetListPage = lazy(() => import('../pages/AssetListPage.js').then((m) => ({ default: m.AssetListPage })));
export const SoftwareReportPage = lazy(() => import('../pages/SoftwareReportPage.js').then((m) => ({ default: m.SoftwareReportPage })));
export const ActivityReportPage = lazy(() => import('../pages/ActivityReportPage.js').then((m) => ({ default: m.ActivityReportPage })));
export const OverviewPage = lazy(() => import('../pages/OverviewPage.js').then((m) => ({ default: m.OverviewPage })));
export const AdminUsersPage = lazy(() => import('../pages/AdminUsersPage.js').then((m) => ({ default: m.AdminUsersPage })));
export const DeployPage = lazy(() => import('../pages/DeployPage.js').then((m) => ({ default: m.DeployPage })));
export const EnrollTokensPage = lazy(() => import('../pages/EnrollTokensPage.js').then((m) => ({ default: m.EnrollTokensPage })));
export const MePage = lazy(() => import('../pages/MePage.js').then((m) => ({ default: m.MePage })));
export const PendingDevicesPage = lazy(() => import('../pages/PendingDevicesPage.js').then((m) => ({ default: m.PendingDevicesPage })));
export const LogCallPage = lazy(() => import('../pages/LogCallPage.js').then((m) => ({ default: m.LogCallPage })));
export const NewTicketPage = lazy(() => import('../pages/NewTicketPage.js').then((m) => ({ default: m.NewTicketPage })));
export const TicketPage = lazy(() => import('../pages/TicketPage.js').then((m) => ({ default: m.TicketPage })));
export const TicketsPage = lazy(() => import('../pages/TicketsPage.js').then((m) => ({ default: m.TicketsPage })));
export const GroupPage = lazy(() => import('../pages/GroupPage.js').then((m) => ({ default: m.GroupPage })));
export const GroupsPage = lazy(() => import('../pages/GroupsPage.js').then((m) => ({ default: m.GroupsPage })));
export const ApiTokensPage = lazy(() => import('../pages/ApiTokensPage.js').then((m) => ({ default: m.ApiTokensPage })));
export const WebhooksPage = lazy(() => import('../pages/WebhooksPage.js').then((m) => ({ default: m.WebhooksPage })));
export const ApiReferencePage = lazy(() => import('../pages/ApiReferencePage.js').then((m) => ({ default: m.ApiReferencePage })));
export const NotFoundPage = lazy(() => import('../pages/NotFoundPage.js').then((m) => ({ default: m.NotFoundPage })));
export const KbListPage = lazy(() => import('../pages/KbListPage.js').then((m) => ({ default: m.KbListPage })));
export const KbArticlePage = lazy(() => import('../pages/KbArticlePage.js').then((m) => ({ default: m.KbArticlePage })));
export const KbEditorPage = lazy(() => import('../pages/KbEditorPage.js').then((m) => ({ default: m.KbEditorPage })));
export const KbReportPage = lazy(() => import('../pages/KbReportPage.js').then((m) => ({ default: m.KbReportPage })));
