// 当前干部: the cadre last chosen in the roster, the dossier (and its portrait) or training, so the next of those pages
// opens on them. It lives in the main layout's state, which is discarded on lock and logout (the login screen replaces
// the layout), so a cadre never carries over to the next person at the keyboard.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { RosterRow } from '../../shared/roster/views';

export interface CurrentCadre {
  readonly id: number;
  /** The roster row when the page that chose the cadre had it (the roster, a cadre picker); lists without it give null. */
  readonly row: RosterRow | null;
}

interface CurrentCadreValue {
  readonly current: CurrentCadre | null;
  readonly choose: (id: number, row?: RosterRow) => void;
}

const CurrentCadreContext = createContext<CurrentCadreValue>({ current: null, choose: () => undefined });

export function CurrentCadreProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<CurrentCadre | null>(null);
  const choose = useCallback(
    (id: number, row?: RosterRow) => setCurrent((old) => ({ id, row: row ?? (old?.id === id ? old.row : null) })),
    [],
  );
  const value = useMemo(() => ({ current, choose }), [current, choose]);
  return <CurrentCadreContext.Provider value={value}>{children}</CurrentCadreContext.Provider>;
}

export const useCurrentCadre = (): CurrentCadreValue => useContext(CurrentCadreContext);
