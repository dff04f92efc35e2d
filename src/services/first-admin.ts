import type { Repositories } from "../db/index.ts";
import type { Lang, UserRecord } from "../db/repositories/users.ts";
import { generateInviteCode } from "./invites.ts";

/** The stored owner-claim link: one code, spent by the first person who opens it. */
interface OwnerClaim {
  code: string;
  claimedByUserId?: number;
}

const OWNER_CLAIM_NAMESPACE = "owner-claim";
const OWNER_CLAIM_KEY = "link";

function ownerClaimStorage(repos: Repositories) {
  return repos.botState.storage<OwnerClaim>(OWNER_CLAIM_NAMESPACE);
}

/**
 * The owner-claim code to print at start: only while nobody is an admin and no ADMIN_TELEGRAM_IDS
 * are configured. Kept in the database, so a restart prints the same unused code.
 */
export async function prepareOwnerClaim(
  repos: Repositories,
  options: { adminTelegramIds: readonly number[] },
): Promise<string | undefined> {
  if (options.adminTelegramIds.length > 0) return undefined;
  const admins = await repos.users.listUsers({ role: "admin", includeInactive: true });
  if (admins.length > 0) return undefined;
  const storage = ownerClaimStorage(repos);
  const stored = await storage.read(OWNER_CLAIM_KEY);
  if (stored && stored.claimedByUserId === undefined) return stored.code;
  const code = generateInviteCode();
  await storage.write(OWNER_CLAIM_KEY, { code });
  return code;
}

export interface NewcomerInput {
  telegramId: number;
  name: string;
  language: Lang;
  now: Date;
}

/**
 * Makes the person an admin when `code` is the owner-claim code; undefined when it is not
 * (then it may be an invite), usedUp when somebody already claimed it.
 */
export async function claimOwnership(
  repos: Repositories,
  code: string,
  person: NewcomerInput,
): Promise<{ ok: true; user: UserRecord } | { ok: false; reason: "usedUp" } | undefined> {
  const storage = ownerClaimStorage(repos);
  const stored = await storage.read(OWNER_CLAIM_KEY);
  if (stored?.code !== code) return undefined;
  if (stored.claimedByUserId !== undefined) return { ok: false, reason: "usedUp" };
  // Spent atomically before the account exists, so two people opening the link at once cannot
  // both become admins; a failure below leaves no second chance, and the next start prints a
  // fresh link because there is still no admin.
  const spent = await repos.botState.replaceIf<OwnerClaim>(
    OWNER_CLAIM_NAMESPACE,
    OWNER_CLAIM_KEY,
    { code },
    {
      code,
      claimedByUserId: 0,
    },
  );
  if (!spent) return { ok: false, reason: "usedUp" };
  const user = await makeAdmin(repos, person);
  await storage.write(OWNER_CLAIM_KEY, { code, claimedByUserId: user.id });
  await repos.audit.record({
    actorUserId: user.id,
    action: "owner.claimed",
    target: `user:${user.id}`,
    at: person.now,
  });
  return { ok: true, user };
}

/**
 * Makes a person listed in ADMIN_TELEGRAM_IDS an admin on first contact; undefined for anyone
 * else. An existing account keeps its id and body and becomes an active admin.
 */
export async function admitConfiguredAdmin(
  repos: Repositories,
  adminTelegramIds: readonly number[],
  person: NewcomerInput,
): Promise<UserRecord | undefined> {
  if (!adminTelegramIds.includes(person.telegramId)) return undefined;
  const existing = await repos.users.getUserByTelegramId(person.telegramId);
  if (existing?.active && existing.role === "admin") return existing;
  const user = await makeAdmin(repos, person);
  await repos.audit.record({
    actorUserId: user.id,
    action: "admin.admitted",
    target: `user:${user.id}`,
    details: { via: "ADMIN_TELEGRAM_IDS" },
    at: person.now,
  });
  return user;
}

async function makeAdmin(repos: Repositories, person: NewcomerInput): Promise<UserRecord> {
  const existing = await repos.users.getUserByTelegramId(person.telegramId);
  if (existing) {
    await repos.users.setRole(existing.id, "admin");
    const updated = await repos.users.setActive(existing.id, true);
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
