import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from '../api/socket.js';
import type { Freshness } from './stale-context.js';

/**
 * Turns the socket's connection state into the console's freshness: stale from the moment a live
 * connection drops (or the hub refuses it), with the last live moment as "as of"; `epoch` counts
 * reconnections, so views that loaded over HTTP reload after one.
 */
export function useFreshnessTracker(connection: ConnectionState): Freshness & { epoch: number } {
  const [asOf, setAsOf] = useState<number | null>(null);
  const [epoch, setEpoch] = useState(0);
  const wasLive = useRef(false);
  useEffect(() => {
    if (connection === 'live') {
      if (wasLive.current === false && asOf !== null) setEpoch((e) => e + 1);
      wasLive.current = true;
      setAsOf(null);
    } else if (wasLive.current) {
      wasLive.current = false;
      setAsOf(Date.now());
    }
  }, [connection, asOf]);
  const stale = asOf !== null && connection !== 'live';
  return { stale, asOf, epoch };
}
