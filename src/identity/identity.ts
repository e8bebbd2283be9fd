/** Who is calling, as established by the identity stage. */
export interface Identity {
  /** How the caller proved who it is. */
  readonly kind: 'api_key' | 'client_cert';
  /** Stable id from the config: the key id or the client id. Safe to log. */
  readonly id: string;
  /** Human-readable name. */
  readonly name: string;
  /** Deployments the caller may use; `null` means all of them. */
  readonly deployments: ReadonlySet<string> | null;
}
