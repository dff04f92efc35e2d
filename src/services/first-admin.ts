import type { Repositories } from "../db/index.ts";
import type { Lang, UserRecord } from "../db/repositories/users.ts";
import { generateInviteCode } from "./invites.ts";

/**
 * The owner-claim code to print at start: only while nobody is an admin and no ADMIN_TELEGRAM_IDS
 * are configured. Kept in the database, so a restart prints the same unused code; once an admin
 * exists or is configured, the stored link is marked dead, so a copy printed earlier stops working.
 */
export async function prepareOwnerClaim(
  repos: Repositories,
  options: { adminTelegramIds: readonly number[] },
): Promise<string | undefined> {
  const admins = await repos.users.listUsers({ role: "admin", includeInactive: true });
  if (options.adminTelegramIds.length > 0 || admins.length > 0) {
    await repos.ownerClaim.expire();
    return undefined;
  }
  const stored = await repos.ownerClaim.read();
  if (stored && stored.claimedByUserId === undefined && !stored.expired) return stored.code;
  const code = generateInviteCode();
  await repos.ownerClaim.write({ code });
  return code;
}

export interface NewcomerInput {
  telegramId: number;
  name: string;
  language: Lang;
  now: Date;
}

export type OwnershipOutcome =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: "usedUp" | "expired" | "switchedOff" };

/**
 * Makes the person the first admin when `code` is the owner-claim code and still nobody is an
 * admin (checked in the same transaction that spends it); undefined when it is not the code (then
 * it may be an invite). The link is dead once any admin exists or ADMIN_TELEGRAM_IDS is set.
 */
export async function claimOwnership(
  repos: Repositories,
  code: string,
  person: NewcomerInput,
  options: { adminTelegramIds: readonly number[] } = { adminTelegramIds: [] },
): Promise<OwnershipOutcome | undefined> {
  const claimed = await repos.ownerClaim.claim({
    code,
    telegramId: person.telegramId,
    name: person.name,
    language: person.language,
    adminsConfigured: options.adminTelegramIds.length > 0,
  });
  if (!claimed.ok) {
    if (claimed.reason === "notTheClaim") return undefined;
    return { ok: false, reason: claimed.reason };
  }
  await repos.audit.record({
    actorUserId: claimed.user.id,
    action: "owner.claimed",
    target: `user:${claimed.user.id}`,
    at: person.now,
  });
  return claimed;
}

/**
 * Makes a person listed in ADMIN_TELEGRAM_IDS an admin on first contact; undefined for anyone
 * else, and for an account an admin switched off (only an admin lifts that). An existing account
 * keeps its id and body and becomes an admin.
 */
export async function admitConfiguredAdmin(
  repos: Repositories,
  adminTelegramIds: readonly number[],
  person: NewcomerInput,
): Promise<UserRecord | undefined> {
  if (!adminTelegramIds.includes(person.telegramId)) return undefined;
  const existing = await repos.users.getUserByTelegramId(person.telegramId);
  if (existing && !existing.active) return undefined;
  if (existing?.role === "admin") return existing;
  const user = await makeAdmin(repos, person, existing);
  await repos.audit.record({
    actorUserId: user.id,
    action: "admin.admitted",
    target: `user:${user.id}`,
    details: { via: "ADMIN_TELEGRAM_IDS" },
    at: person.now,
  });
  return user;
}

async function makeAdmin(
  repos: Repositories,
  person: NewcomerInput,
  existing: UserRecord | undefined,
): Promise<UserRecord> {
  if (existing) {
    const updated = await repos.users.setRole(existing.id, "admin");
    if (updated) return updated;
  }
  const created = await repos.users.createUser({
    telegramId: person.telegramId,
    name: person.name,
    language: person.language,
    role: "admin",
    bodyId: null,
  });
  if (created.ok) return created.user;
  throw new AdminAccountError(person.telegramId, created.reason);
}

/** An admin account could not be created (a race on the same Telegram id). */
export class AdminAccountError extends Error {
  override readonly name = "AdminAccountError";
  constructor(
    readonly telegramId: number,
    readonly reason: string,
  ) {
    super(`could not make Telegram user ${telegramId} an admin: ${reason}`);
  }
}
