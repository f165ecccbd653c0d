import { useCallback, useEffect, useState } from 'react';
import type { DeviceDetailWithAlerts as DeviceDetail } from '../api/alerts-api.js';
import { ApiError } from '../api/api-error.js';
import type { HttpClient } from '../api/http-client.js';

export type DeviceDetailState =
  | { kind: 'loading' }
  | { kind: 'loaded'; detail: DeviceDetail; refreshing: boolean }
  | { kind: 'error'; message: string; notFound: boolean };

/** `GET /api/v1/devices/:id`, with a `reload` that keeps the old detail on screen while it runs. */
export function useDeviceDetail(api: HttpClient, id: string): { state: DeviceDetailState; reload: () => void } {
  const [state, setState] = useState<DeviceDetailState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState((previous) => (previous.kind === 'loaded' ? { ...previous, refreshing: true } : { kind: 'loading' }));
    api.getDevice(id).then(
      (detail) => {
        if (!cancelled) setState({ kind: 'loaded', detail, refreshing: false });
      },
      (error: unknown) => {
        if (cancelled) return;
        const notFound = error instanceof ApiError && error.code === 'not_found';
        setState({ kind: 'error', notFound, message: detailErrorText(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}

function detailErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong while loading this device.';
  switch (error.code) {
    case 'not_found':
      return 'This device does not exist, or was removed.';
    case 'forbidden':
      return 'You do not have access to this device.';
    case 'network':
      return 'Cannot reach the hub. Check the connection and try again.';
    case 'bad_response':
      return 'The hub sent device data the console could not read.';
    default:
      return 'The hub could not load this device.';
  }
}
