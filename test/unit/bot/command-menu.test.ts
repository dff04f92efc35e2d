import { describe, expect, it } from "vitest";
import {
  COMMAND_ROLES,
  commandsFor,
  describeCommands,
  menuSignature,
} from "../../../src/bot/command-menu.ts";
import { commands } from "../../../src/bot/features/index.ts";
import type { Role, UserRecord } from "../../../src/db/repositories/users.ts";

const person = (role: Role, active = true): UserRecord => ({
  id: 1,
  telegramId: 1,
  name: "P",
  language: "ru",
  role,
  bodyId: role === "admin" ? null : 1,
  active,
  unreachableSince: null,
});

describe("the command menu of a person", () => {
  it("holds what each role may use and nothing it may not", () => {
    expect(commandsFor(undefined)).toEqual(["start", "help", "lang"]);
    expect(commandsFor(person("commissioner"))).toEqual([
      "start",
      "help",
      "lang",
      "report",
      "myreports",
      "score",
      "leaderboard",
    ]);
    expect(commandsFor(person("officer"))).toEqual([
      "start",
      "help",
      "lang",
      "indicators",
      "myreports",
      "score",
      "leaderboard",
    ]);
    expect(commandsFor(person("manager"))).toEqual([
      "start",
      "help",
      "lang",
      "myreports",
      "score",
      "leaderboard",
      "export",
    ]);
    expect(commandsFor(person("admin"))).toEqual(COMMAND_ROLES.map((c) => c.command));
  });

  it("is a stranger's once the person is switched off", () => {
    expect(commandsFor(person("admin", false))).toEqual(["start", "help", "lang"]);
    expect(menuSignature(person("admin", false), "kk")).toBe("stranger|kk");
    expect(menuSignature(person("officer"), "ru")).toBe("officer|ru");
  });

  it("describes every command in Kazakh and Russian, and lists the same commands as the bot", () => {
    expect(commands.map((c) => c.command)).toEqual(COMMAND_ROLES.map((c) => c.command));
    for (const lang of ["kk", "ru"] as const)
      for (const { command, description } of describeCommands(commandsFor(person("admin")), lang)) {
        expect(description, `${lang} ${command}`).not.toBe(`commands.${command}`);
        expect(description.length, `${lang} ${command}`).toBeLessThanOrEqual(256);
      }
  });
});
