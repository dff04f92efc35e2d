// Seeds a bot process's embedded database before it starts (PGlite allows one process at a time).
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  createRepositories,
  type Database,
  migrateDatabase,
  openDatabase,
} from "../../src/db/index.ts";
import type {
  BodyInput,
  BodyRecord,
  InviteRecord,
  Lang,
  Repositories,
  Role,
  UserRecord,
} from "../../src/db/repositories/index.ts";
import { copyPgliteTemplate, pgliteTemplate } from "./scratch-database.ts";

/** The DATABASE_URL a BotProcess with this data folder uses (see bot-process.ts). */
export function databaseUrlOf(dataDir: string): string {
  return `pglite:${join(dataDir, "pglite")}`;
}

/**
 * Opens the bot's database (migrated), runs `seed` with its repositories and closes it again.
 * Call it while the bot process is stopped: `new BotProcess(…)`, seed `bot.dataDir`, `bot.start()`.
 */
export async function seedDatabase<T>(
  dataDir: string,
  seed: (repos: Repositories) => Promise<T>,
): Promise<T> {
  // A folder nobody opened yet starts as a copy of the migrated template (see BotProcess).
  if (!existsSync(join(dataDir, "pglite"))) copyPgliteTemplate(join(dataDir, "pglite"));
  const db = await openDatabase(databaseUrlOf(dataDir));
  try {
    // Without the template (outside the e2e project's global setup) the folder is migrated here.
    if (!pgliteTemplate()) await migrateDatabase(db);
    return await seed(createRepositories(db));
  } finally {
    await db.close();
  }
}

/**
 * When seeded bodies joined the directory unless a test says otherwise: long before any period
 * the tests report, so they owe every report (the wall clock may be later than a test's FAKE_NOW).
 */
export const JOINED_LONG_AGO = new Date("2020-01-01T00:00:00.000Z");

/** Adds a body; code and names derive from `code` unless given. */
export async function seedBody(
  repos: Repositories,
  input: Partial<BodyInput> & { code: string },
): Promise<BodyRecord> {
  const result = await repos.directory.createBody({
    kind: "regional",
    createdAt: JOINED_LONG_AGO,
    nameKk: `${input.code} органы`,
    nameRu: `Орган ${input.code}`,
    ...input,
  });
  if (!result.ok) throw new Error(`seedBody(${input.code}): ${result.reason}`);
  return result.body;
}

/**
 * A broadcast's audience: `count` commissioners of the body, Kazakh and Russian in turn, from
 * Telegram id `firstTelegramId` on, in one statement (thousands for the benchmarks).
 */
export async function seedRecipients(
  db: Database,
  bodyId: number,
  { count, firstTelegramId }: { count: number; firstTelegramId: number },
): Promise<void> {
  await db.prisma.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      telegramId: BigInt(firstTelegramId + i),
      name: `Recipient ${i}`,
      language: i % 2 === 0 ? ("kk" as const) : ("ru" as const),
      role: "commissioner" as const,
      bodyId,
    })),
  });
}

/** Adds a user of a body (admins may have none); language ru and a name derived from the id unless given. */
export async function seedUser(
  repos: Repositories,
  input: { telegramId: number; role: Role; bodyId: number | null; name?: string; language?: Lang },
): Promise<UserRecord> {
  const result = await repos.users.createUser({
    name: `User ${input.telegramId}`,
    language: "ru",
    ...input,
  });
  if (!result.ok) throw new Error(`seedUser(${input.telegramId}): ${result.reason}`);
  return result.user;
}

/** Adds an invite that never expires in tests (unless expiresAt is given), optionally revoked. */
export async function seedInvite(
  repos: Repositories,
  input: {
    code: string;
    bodyId: number;
    role: Role;
    expiresAt?: Date;
    maxUses?: number;
    revoked?: boolean;
  },
): Promise<InviteRecord> {
  const { revoked, ...fields } = input;
  const result = await repos.invites.createInvite({
    expiresAt: new Date("2120-01-01T00:00:00Z"),
    ...fields,
  });
  if (!result.ok) throw new Error(`seedInvite(${input.code}): ${result.reason}`);
  if (revoked) await repos.invites.revokeInvite(input.code);
  return { ...result.invite, revoked: revoked ?? false };
}
