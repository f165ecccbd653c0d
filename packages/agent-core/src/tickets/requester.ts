import type { Requester } from '@deskside/protocol';

/** The OS account asking for help: its login name (the help desk matches people by it). */
export function osRequester(userInfo: () => { username: string }): Requester {
  let username: string | null = null;
  try {
    username = userInfo().username.slice(0, 128) || null;
  } catch {
    // No passwd entry (a container's numeric uid): the ticket still goes out, from "Unknown user".
  }
  return { name: username ?? 'Unknown user', username, email: null };
}
