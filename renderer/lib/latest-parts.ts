// Which parts of a partial reload's answer may still be shown: each reload of some parts takes a ticket, and its answer
// counts only for the parts no newer reload has asked for since (a late older answer never overwrites a newer one).

export interface PartsGate<P> {
  /** Starts a reload of `parts`; the ticket stays current for each of them until a newer reload asks for it. */
  begin(parts: readonly P[]): number;
  /** The parts of `ticket`'s answer that may still be shown. */
  current(ticket: number, parts: readonly P[]): P[];
}

export function partsGate<P>(): PartsGate<P> {
  let newest = 0;
  const asked = new Map<P, number>();
  return {
    begin(parts) {
      newest++;
      for (const p of parts) asked.set(p, newest);
      return newest;
    },
    current: (ticket, parts) => parts.filter((p) => asked.get(p) === ticket),
  };
}
