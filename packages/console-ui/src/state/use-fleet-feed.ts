import { useEffect, useReducer, useRef, useState } from 'react';
import { connectFleetFeed, type ConnectionState, type ConsoleSocket } from '../api/socket.js';
import { fleetReducer, initialFleetState, type FleetState } from './fleet-store.js';

export interface FleetFeedView {
  fleet: FleetState;
  connection: ConnectionState;
  /** Why the connection is not live, when the hub said. */
  connectionDetail: string | undefined;
  /** The session's one `/console` socket, for other watches (alerts) to share; null when logged out. */
  socket: ConsoleSocket | null;
}

/**
 * The live fleet for a session: connects the `/console` socket while `token` is set, feeds the
 * reducer, and calls `onSessionEnded` when the hub ends or refuses the session.
 */
export function useFleetFeed(token: string | null, onSessionEnded: (reason: string) => void): FleetFeedView {
  const [fleet, dispatch] = useReducer(fleetReducer, initialFleetState);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [connectionDetail, setDetail] = useState<string | undefined>(undefined);
  const [socket, setSocket] = useState<ConsoleSocket | null>(null);
  // The callback may change identity every render; the socket must not reconnect because of it.
  const endedRef = useRef(onSessionEnded);
  endedRef.current = onSessionEnded;

  useEffect(() => {
    if (token === null) return;
    setConnection('connecting');
    const feed = connectFleetFeed({
      token,
      handlers: {
        onState: (state, detail) => {
          setConnection(state);
          setDetail(detail);
        },
        onSnapshot: (devices) => dispatch({ type: 'snapshot', devices }),
        onChanged: (devices) => dispatch({ type: 'upsert', devices }),
        onRemoved: (ids) => dispatch({ type: 'remove', ids }),
        onSessionEnded: (reason) => endedRef.current(reason),
        onInvalidPayload: (event, rejected) => {
          console.warn(`Deskside: dropped ${rejected} invalid item(s) from ${event}`);
        },
      },
    });
    setSocket(feed.socket);
    return () => {
      setSocket(null);
      feed.close();
      dispatch({ type: 'reset' });
    };
  }, [token]);

  return { fleet, connection, connectionDetail, socket };
}
