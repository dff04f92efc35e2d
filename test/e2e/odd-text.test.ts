import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { seedPerson } from "../unit/services/fixtures.ts";

// The emulator refuses half an emoji as Telegram does ("strings must be encoded in UTF-8").
const EMOJI_NAME = "😀".repeat(30);

describe("names and texts of emoji", () => {
  const { user } = useBotWithPeople({
    env: { LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
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
    },
  });

  it.each([
    { userId: 7101, body: "Министерство эмодзи", roleWord: "уполномоченный по этике" },
    { userId: 7102, body: "Эмодзи министрлігі", roleWord: "әдеп жөніндегі уәкіл" },
  ])("shows the people of a body whose member has a 30-emoji name ($userId)", async (input) => {
    const admin = user(input.userId);
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
