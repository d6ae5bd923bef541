// Which answer may still be shown: each load takes a ticket, and only the newest ticket of a live screen counts.

export interface LatestGate {
  /** Starts a load; the ticket it returns is current until the next `begin` or `retire`. */
  begin(): number;
  /** Whether the answer to `ticket` may still be shown (no newer load started, screen still mounted). */
  isCurrent(ticket: number): boolean;
  /** The screen went away: no answer counts any more. */
  retire(): void;
}

export function latestGate(): LatestGate {
  let newest = 0;
  let retired = false;
  return {
    begin: () => ++newest,
    isCurrent: (ticket) => !retired && ticket === newest,
    retire: () => {
      retired = true;
    },
  };
}
