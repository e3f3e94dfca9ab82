import { createContext, useContext, useEffect } from 'react';

/**
 * Names for the IDs in the URL, so breadcrumbs read "Payments web" rather than "pg-3f2…". A page that
 * has loaded a group, plan or server registers its name; the shell's breadcrumbs use it while the page
 * is shown and fall back to the ID before it loads.
 */
export interface CrumbNames {
  names: ReadonlyMap<string, string>;
  setName: (id: string, name: string | null) => void;
}

export const CrumbNamesContext = createContext<CrumbNames>({ names: new Map(), setName: () => {} });

export function useCrumbNames(): CrumbNames {
  return useContext(CrumbNamesContext);
}

/** Shows <paramref name="name"/> in place of <paramref name="id"/> in the breadcrumbs while the caller is mounted. */
export function useCrumbName(id: string | undefined, name: string | null | undefined): void {
  const { setName } = useCrumbNames();
  useEffect(() => {
    if (!id || !name) return undefined;
    setName(id, name);
    return () => setName(id, null);
  }, [id, name, setName]);
}
