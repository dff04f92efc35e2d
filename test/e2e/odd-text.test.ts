import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { seedDatabase } from "../support/seed.ts";
import { seedPerson } from "../unit/services/fixtures.ts";

// The emulator refuses half an emoji as Telegram does ("strings must be encoded in UTF-8").
const EMOJI_NAME = "😀".repeat(30);

describe("names and texts of emoji", () => {
  let emulator: Emulator;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({ emulator, env: { LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" } });
    await seedDatabase(bot.dataDir, async (repos) => {
      await seedPerson(repos, 7101, "admin", null, "ru");
      await seedPerson(repos, 7102, "admin", null, "kk");
      const body = await repos.directory.createBody({
        code: "EMO",
        kind: "central",
        nameKk: "Эмодзи министрлігі",
        nameRu: "Министерство эмодзи",
      });
      if (!body.ok) throw new Error(body.reason);
      const person = await seedPerson(repos, 7103, "commissioner", body.body.id);
      await repos.users.setName(person.id, EMOJI_NAME);
    });
    await bot.start();
  });

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it.each([
    { userId: 7101, body: "Министерство эмодзи", roleWord: "уполномоченный по этике" },
    { userId: 7102, body: "Эмодзи министрлігі", roleWord: "әдеп жөніндегі уәкіл" },
  ])("shows the people of a body whose member has a 30-emoji name ($userId)", async (input) => {
    const admin = emulator.user({ userId: input.userId });
    await admin.command("users");
    await admin.waitFor((m) => m.keyboard !== undefined);
    await admin.press(input.body);
    const list = await admin.waitFor((m) => m.text.includes(EMOJI_NAME));
    expect(list.text).toContain(`${EMOJI_NAME} — ${input.roleWord}`);
    const button = list.keyboard?.flat().find((b) => b.text.startsWith("😀"))?.text ?? "";
    // The button is cut between two emoji, with an ellipsis.
    expect(button).toMatch(/^(😀)+…$/u);
    expect(button.length).toBeLessThanOrEqual(48);
  });
});
