import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { Role, UserRecord } from "../db/repositories/users.ts";

export type ChangeRoleResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: "notFound" | "ownRole" | "bodyRequired" };

/**
 * Changes a person's role (their body stays) and records who did it. Admins cannot change their
 * own role, so the last admin cannot lock everybody out; every role but admin needs a body.
 */
export async function changeUserRole(
  repos: Repositories,
  input: { actor: UserRecord; userId: number; role: Role; now: Date },
): Promise<ChangeRoleResult> {
  if (input.actor.id === input.userId) return { ok: false, reason: "ownRole" };
  const user = await repos.users.getUser(input.userId);
  if (!user) return { ok: false, reason: "notFound" };
  if (input.role !== "admin" && user.bodyId === null) return { ok: false, reason: "bodyRequired" };
  if (user.role === input.role) return { ok: true, user };
  const changed = await repos.users.setRole(user.id, input.role);
  if (!changed) return { ok: false, reason: "notFound" };
  await repos.audit.record({
    actorUserId: input.actor.id,
    action: "user.role",
    target: `user:${user.id}`,
    details: { name: user.name, from: user.role, to: input.role },
    at: input.now,
  });
  return { ok: true, user: changed };
}

/** Activates or deactivates a person (not oneself) and records it. */
export async function setUserActive(
  repos: Repositories,
  input: { actor: UserRecord; userId: number; active: boolean; now: Date },
): Promise<{ ok: true; user: UserRecord } | { ok: false; reason: "notFound" | "ownRole" }> {
  if (input.actor.id === input.userId) return { ok: false, reason: "ownRole" };
  const user = await repos.users.setActive(input.userId, input.active);
  if (!user) return { ok: false, reason: "notFound" };
  await repos.audit.record({
    actorUserId: input.actor.id,
    action: input.active ? "user.activated" : "user.deactivated",
    target: `user:${user.id}`,
    details: { name: user.name },
    at: input.now,
  });
  return { ok: true, user };
}

/** Activates or deactivates a body (it leaves rankings and invites while inactive) and records it. */
export async function setBodyActive(
  repos: Repositories,
  input: { actor: UserRecord; bodyId: number; active: boolean; now: Date },
): Promise<BodyRecord | undefined> {
  if (!(await repos.directory.setBodyActive(input.bodyId, input.active))) return undefined;
  const body = await repos.directory.getBody(input.bodyId);
  await repos.audit.record({
    actorUserId: input.actor.id,
    action: input.active ? "body.activated" : "body.deactivated",
    target: `body:${input.bodyId}`,
    details: { code: body?.code ?? null },
    at: input.now,
  });
  return body;
}

/** They wrote to the bot (or unblocked it): Telegram delivers to them again. */
export async function noteReachable(repos: Repositories, userId: number): Promise<void> {
  await repos.users.markReachable(userId);
}
