import { listAll } from '../../api/drsApi';
import type { ProtectionGroup, SourceServer } from '../../api/types';
import { useServices } from '../../app/services';
import { useQuery, type QueryState } from '../../app/useQuery';

/** A server of a group as far as DRS knows it; `server` is null when DRS does not list the chosen ID. */
export interface GroupMember {
  sourceServerId: string;
  server: SourceServer | null;
  /** True when the server has an override but is no longer in the group (it can only be cleared). */
  stale: boolean;
}

/**
 * The servers a saved group holds: the chosen IDs, or the servers DRS says the group's tags select.
 * Servers that still carry an override but left the group are listed too, so the override can be cleared.
 */
export function groupMembers(group: ProtectionGroup, servers: SourceServer[], overrides: Record<string, unknown> = group.serverOverrides): GroupMember[] {
  const byId = new Map(servers.map((s) => [s.sourceServerId, s]));
  const ids =
    group.selection.mode === 'SOURCE_SERVER_IDS'
      ? (group.selection.sourceServerIds ?? [])
      : servers.filter((s) => s.protectionGroupId === group.groupId).map((s) => s.sourceServerId);
  const members: GroupMember[] = ids.map((id) => ({ sourceServerId: id, server: byId.get(id) ?? null, stale: false }));
  for (const id of Object.keys(overrides).sort()) {
    if (!ids.includes(id)) members.push({ sourceServerId: id, server: byId.get(id) ?? null, stale: true });
  }
  return members;
}

/** DRS's source servers in the group's account and region (all pages). */
export function useLocationServers(group: ProtectionGroup | undefined): QueryState<SourceServer[]> {
  const { api } = useServices();
  return useQuery(group ? `servers:${group.accountId}:${group.region}:` : null, () =>
    listAll((p) => api.drs.sourceServers({ ...p, accountId: group!.accountId, region: group!.region })),
  );
}
