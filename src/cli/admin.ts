// Directory and invites from the command line: npm run admin -- <command>. Needs no bot token.
import { parseArgs } from "node:util";
import { redactUrl } from "../db/errors.ts";
import { createRepositories, migrateDatabase, openDatabase } from "../db/index.ts";
import type { BodyKind } from "../db/repositories/directory.ts";
import type { Role } from "../db/repositories/users.ts";
import { addBody } from "../services/bodies.ts";
import { createInviteForBody, DEFAULT_INVITE_DAYS, inviteLink } from "../services/invites.ts";
import { runImportCommand } from "./import.ts";

const usage = `Usage: npm run admin -- <command> [options]
  body:add --kind central|regional --kk "<Kazakh name>" --ru "<Russian name>" [--code X] [--region R]
      add a body (code: automatic when left out)
  invite --body <code> --role commissioner|officer|manager|admin [--uses N] [--days N] [--bot <username>]
      create an invite and print its link (default: 1 use, ${DEFAULT_INVITE_DAYS} days;
      the bot's username comes from --bot or BOT_USERNAME)
  import FILE.csv|FILE.xlsx [--lang ru|kk] | import --template OUT.xlsx
      import the directory all or nothing (see npm run import)
The database is DATABASE_URL (default: embedded ./data/pglite; stop the bot first, it is single-process).`;

const ROLES: readonly Role[] = ["commissioner", "officer", "manager", "admin"];
const KINDS: readonly BodyKind[] = ["central", "regional"];

type Env = { databaseUrl: string | undefined; botUsername: string | undefined };

async function run(args: string[], env: Env): Promise<number> {
  const [command, ...rest] = args;
  // Its own options and a file argument: parsed in import.ts.
  if (command === "import") return runImportCommand(rest, env);
  const { values } = parseArgs({
    args: rest,
    options: {
      body: { type: "string" },
      role: { type: "string" },
      uses: { type: "string" },
      days: { type: "string" },
      bot: { type: "string" },
      code: { type: "string" },
      kind: { type: "string" },
      kk: { type: "string" },
      ru: { type: "string" },
      region: { type: "string" },
    },
    strict: true,
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case "body:add": {
      const kind = KINDS.find((k) => k === values.kind);
      if (!kind || !values.kk || !values.ru)
        return fail(`--kind, --kk and --ru are required.\n${usage}`);
      return withRepositories(env, async (repos) => {
        const added = await addBody(repos, {
          kind,
          nameKk: values.kk ?? "",
          nameRu: values.ru ?? "",
          ...(values.code === undefined ? {} : { code: values.code }),
          region: values.region ?? null,
          actorUserId: null,
          now: new Date(),
        });
        if (!added.ok) return fail(`Not added: ${added.reason}`);
        out(`Added body ${added.body.code} (id ${added.body.id}): ${added.body.nameRu}`);
        return 0;
      });
    }
    case "invite": {
      const role = ROLES.find((r) => r === values.role);
      const username = (values.bot ?? env.botUsername)?.replace(/^@/, "");
      if (!values.body || !role) return fail(`--body and --role are required.\n${usage}`);
      if (!username) return fail("Name the bot: --bot <username> or BOT_USERNAME.");
      const maxUses = values.uses === undefined ? 1 : Number(values.uses);
      const days = values.days === undefined ? DEFAULT_INVITE_DAYS : Number(values.days);
      return withRepositories(env, async (repos) => {
        const body = await repos.directory.getBodyByCode(values.body ?? "");
        if (!body) return fail(`No body with code ${values.body}.`);
        const created = await createInviteForBody(repos, {
          bodyId: body.id,
          role,
          maxUses,
          days,
          actorUserId: null,
          now: new Date(),
        });
        if (!created.ok) return fail(`Not created: ${created.reason}`);
        const { invite } = created;
        out(
          `Invite for ${role} of ${body.code}: ${invite.maxUses} use(s) until ${invite.expiresAt.toISOString()}`,
        );
        out(inviteLink(username, invite.code));
        return 0;
      });
    }
    default:
      return fail(usage);
  }
}

async function withRepositories(
  env: Env,
  work: (repos: ReturnType<typeof createRepositories>) => Promise<number>,
): Promise<number> {
  const db = await openDatabase(env.databaseUrl);
  try {
    // A fresh install may have no tables yet: the bot would create the same ones at start.
    await migrateDatabase(db);
    return await work(createRepositories(db));
  } finally {
    await db.close();
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

// Only DATABASE_URL and BOT_USERNAME matter; the full config would demand a bot token.
const env: Env = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  botUsername: process.env.BOT_USERNAME || undefined,
};
try {
  process.exitCode = await run(process.argv.slice(2), env);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${env.databaseUrl ? redactUrl(message) : message}\n`);
  process.exitCode = 1;
}
