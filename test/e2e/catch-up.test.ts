// A reminder day whose 10:00 passed while the only process was down: the reminders go out when it
// starts, the same day (the clock is fixed with FAKE_NOW).
import { describe, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";

// 14:30 in Almaty on 2 November: three days before the October report is due (5 November).
const FAKE_NOW = "2026-11-02T09:30:00.000Z";

describe("jobs missed while the bot was down", () => {
  const { user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info" },
    bodies: [{ code: "LATE" }],
    people: [
      { telegramId: 9601, role: "commissioner", body: "LATE", language: "kk" },
      { telegramId: 9602, role: "commissioner", body: "LATE", language: "ru" },
    ],
  });

  it("sends the 10:00 reminders on a start at 14:30 the same day, in each person's language", async () => {
    await user(9601).waitFor(/⏰ Еске салу/, { timeoutMs: 30_000 });
    await user(9602).waitFor(/⏰ Напоминание/, { timeoutMs: 30_000 });
  });
});
