// The setup most end-to-end files share: an emulator, the real bot seeded with bodies and people,
// both torn down after the file (the emulator's stop also writes and checks the transcript).
import { afterAll, beforeAll } from "vitest";
import type {
  BodyInput,
  BodyRecord,
  Lang,
  Repositories,
  Role,
  UserRecord,
} from "../../src/db/repositories/index.ts";
import { BotProcess, type TestBot } from "./bot-process.ts";
import type { EmulatedUser } from "./emulated-user.ts";
import { type Emulator, startEmulator } from "./emulator.ts";
import { seedBody, seedDatabase, seedUser } from "./seed.ts";
import { WorkerBot } from "./worker-bot.ts";

/** A body as seedBody adds it: code, and kind, names, region or parentId where they matter. */
export type BodySeed = Partial<BodyInput> & { code: string };

/** A person as seedUser adds them; `body` is a listed body's code (none: an admin without one). */
export interface PersonSeed {
  telegramId: number;
  role: Role;
  body?: string;
  name?: string;
  language?: Lang;
}

/** The records seeded from `bodies` and `people`, by code and by Telegram id. */
export interface SeededPeople {
  body(code: string): BodyRecord;
  person(telegramId: number): UserRecord;
}

export interface BotWithPeopleOptions<T> {
  /** The bot's extra environment (FAKE_NOW, NODE_ENV, RATE_LIMIT_UPDATES, LOG_LEVEL…). */
  env?: Record<string, string>;
  /** Added first, in this order. */
  bodies?: BodySeed[];
  /** Added after the bodies, in this order. */
  people?: PersonSeed[];
  /** Anything else the database holds before the start (reports, invites…); its result is `seeded()`. */
  seed?: (repos: Repositories, seeded: SeededPeople) => Promise<T>;
  /** Wait for the start's catch-up of missed job slots, so the first test does not queue behind it. */
  waitForCatchUp?: boolean;
  /** The beforeAll timeout; default the config's hookTimeout. */
  timeoutMs?: number;
  /**
   * Run the bot as a process (to kill it or read its memory); by default it runs inside the test
   * worker (see worker-bot.ts).
   */
  process?: boolean;
}

/** Accessors, since the emulator, the bot and the records exist only once beforeAll has run. */
export interface BotWithPeople<T, B extends TestBot = TestBot> extends SeededPeople {
  emulator(): Emulator;
  bot(): B;
  /** A simulated Telegram user in their private chat with the bot. */
  user(userId: number, languageCode?: string): EmulatedUser;
  /** What `seed` returned. */
  seeded(): T;
}

/** Registers the beforeAll that seeds and starts the bot and the afterAll that stops it all. */
export function useBotWithPeople<T = undefined>(
  options: BotWithPeopleOptions<T> & { process: true },
): BotWithPeople<T, BotProcess>;
export function useBotWithPeople<T = undefined>(
  options?: BotWithPeopleOptions<T>,
): BotWithPeople<T>;
export function useBotWithPeople<T = undefined>(
  options: BotWithPeopleOptions<T> = {},
): BotWithPeople<T> {
  let emulator: Emulator | undefined;
  let bot: TestBot | undefined;
  const seeded = seededRecords();
  let result: T | undefined;

  beforeAll(async () => {
    emulator = await startEmulator();
    const settings = { emulator, env: options.env };
    bot = options.process ? new BotProcess(settings) : new WorkerBot(settings);
    // With nothing to seed only the bot opens its database, as on a fresh install.
    if (options.bodies || options.people || options.seed)
      await seedDatabase(bot.dataDir, async (repos) => {
        await seedPeople(repos, options, seeded);
        result = await options.seed?.(repos, seeded);
      });
    await bot.start();
    if (options.waitForCatchUp) await bot.waitForCatchUp();
  }, options.timeoutMs);

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  const started = <V>(value: V | undefined): V => {
    if (value === undefined) throw new Error("useBotWithPeople: used before its beforeAll ran");
    return value;
  };
  return {
    emulator: () => started(emulator),
    bot: () => started(bot),
    user: (userId, languageCode) => started(emulator).user({ userId, languageCode }),
    body: seeded.body,
    person: seeded.person,
    // Once started, result is what `seed` returned: undefined only when T is (no `seed`).
    seeded: () => {
      started(bot);
      return result as T;
    },
  };
}

function seededRecords() {
  const bodies = new Map<string, BodyRecord>();
  const people = new Map<number, UserRecord>();
  const found = <V>(record: V | undefined, what: string): V => {
    if (!record) throw new Error(`useBotWithPeople: no ${what} was seeded (yet)`);
    return record;
  };
  return {
    bodies,
    people,
    body: (code: string) => found(bodies.get(code), `body ${code}`),
    person: (telegramId: number) => found(people.get(telegramId), `person ${telegramId}`),
  };
}

async function seedPeople<T>(
  repos: Repositories,
  options: BotWithPeopleOptions<T>,
  seeded: ReturnType<typeof seededRecords>,
): Promise<void> {
  for (const body of options.bodies ?? [])
    seeded.bodies.set(body.code, await seedBody(repos, body));
  for (const { body, ...person } of options.people ?? []) {
    const bodyId = body === undefined ? null : seeded.body(body).id;
    seeded.people.set(person.telegramId, await seedUser(repos, { ...person, bodyId }));
  }
}
