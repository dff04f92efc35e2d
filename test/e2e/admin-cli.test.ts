import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { nodeArgsFor } from "../support/node-process.ts";
import { copyPgliteTemplate, makeScratchDir, removeScratch } from "../support/scratch-database.ts";
import { databaseUrlOf, seedDatabase } from "../support/seed.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = makeScratchDir("adaldyq-admin-cli-");
// The commands find a migrated database (their migration at start has nothing to do).
copyPgliteTemplate(join(dataDir, "pglite"));

afterAll(() => removeScratch(dataDir));

function admin(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...nodeArgsFor("src/cli/admin.ts"), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: databaseUrlOf(dataDir), ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout, stderr })),
  );
}

// Each call is a process that opens the embedded database: slow on a busy machine.
describe("npm run admin", { timeout: 240_000 }, () => {
  it("adds a body and prints an invite link into it", async () => {
    const added = await admin([
      "body:add",
      "--code",
      "KRG",
      "--kind",
      "regional",
      "--kk",
      "Қарағанды облысының әкімдігі",
      "--ru",
      "Акимат Карагандинской области",
    ]);
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/^Added body KRG/);

    const invited = await admin(
      ["invite", "--body", "KRG", "--role", "commissioner", "--uses", "3", "--days", "7"],
      { BOT_USERNAME: "AdaldyqBot" },
    );
    expect(invited.code).toBe(0);
    const code = /https:\/\/t\.me\/AdaldyqBot\?start=([A-Za-z0-9_-]{24})\n/.exec(
      invited.stdout,
    )?.[1];
    expect(code).toBeDefined();

    const stored = await seedDatabase(dataDir, async (repos) => ({
      invite: await repos.invites.getInvite(code ?? ""),
      audit: (await repos.audit.list()).map((entry) => entry.action),
    }));
    expect(stored.invite).toMatchObject({ role: "commissioner", maxUses: 3, uses: 0 });
    expect(stored.audit).toEqual(["invite.created", "body.added"]);
  });

  it("refuses an invite into an unknown body with a reason", async () => {
    const unknown = await admin(["invite", "--body", "NOPE", "--role", "officer", "--bot", "B"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No body with code NOPE");
  });
});
