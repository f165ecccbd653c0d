/** The three Windows Firewall profiles; the registry calls the private one `StandardProfile`. */
export type FirewallProfileName = 'domain' | 'private' | 'public';

export interface FirewallProfileState {
  readonly profile: FirewallProfileName;
  readonly enabled: boolean;
}
