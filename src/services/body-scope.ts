import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { UserRecord } from "../db/repositories/users.ts";

/**
 * The bodies a person may see the scores of: admins every body; managers their own body and every
 * body below it; commissioners and officers their own body only. Own body first, then by name.
 */
export async function listVisibleBodies(
  repos: Repositories,
  user: UserRecord | undefined,
): Promise<BodyRecord[]> {
  if (!user?.active) return [];
  if (user.role === "admin") return repos.directory.listBodies({ includeInactive: true });
  if (user.bodyId === null) return [];
  const own = await repos.directory.getBody(user.bodyId);
  if (!own) return [];
  if (user.role !== "manager") return [own];
  return [own, ...(await listDescendants(repos, own.id))];
}

/** Whether the person may see this body's scores (see listVisibleBodies). */
export async function mayViewBody(
  repos: Repositories,
  user: UserRecord | undefined,
  bodyId: number,
): Promise<boolean> {
  if (!user?.active) return false;
  if (user.role === "admin") return true;
  if (user.bodyId === null) return false;
  if (user.bodyId === bodyId) return true;
  if (user.role !== "manager") return false;
  // Walk up from the asked body: cheaper than listing the whole subtree.
  const seen = new Set<number>();
  let current = await repos.directory.getBody(bodyId);
  while (current?.parentId != null && !seen.has(current.id)) {
    if (current.parentId === user.bodyId) return true;
    seen.add(current.id);
    current = await repos.directory.getBody(current.parentId);
  }
  return false;
}

/**
 * Every body below a body (children, their children…), in breadth-first order, siblings by name
 * (the database's order): read in one recursive query, however large the tree.
 */
export async function listDescendants(repos: Repositories, bodyId: number): Promise<BodyRecord[]> {
  return descendantsIn(await repos.directory.listAllBelow(bodyId))(bodyId);
}

/**
 * listDescendants over bodies already read in the directory's order (by name), the tree built
 * once: for the whole directory, it answers for every body without asking the database again.
 */
export function descendantsIn(bodies: readonly BodyRecord[]): (bodyId: number) => BodyRecord[] {
  const children = new Map<number, BodyRecord[]>();
  for (const body of bodies) {
    if (body.parentId === null) continue;
    const siblings = children.get(body.parentId);
    if (siblings) siblings.push(body);
    else children.set(body.parentId, [body]);
  }
  return (bodyId) => {
    const found: BodyRecord[] = [];
    const seen = new Set<number>([bodyId]);
    let level = [bodyId];
    while (level.length > 0) {
      const next: number[] = [];
      for (const id of level) {
        for (const child of children.get(id) ?? []) {
          if (seen.has(child.id)) continue;
          seen.add(child.id);
          found.push(child);
          next.push(child.id);
        }
      }
      level = next;
    }
    return found;
  };
}
