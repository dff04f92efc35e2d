import { describe, expect, it } from "vitest";
import { waitUntil } from "../delivery/measure.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";

const COHORT = 120;

describe("an admin's broadcast through the bot", () => {
  const { emulator, user } = useBotWithPeople({
    // An admin clicking through the dialog is faster than the per-user flood limit allows.
    env: { RATE_LIMIT_UPDATES: "0" },
    bodies: [
      { code: "AB", region: "Абай облысы" },
      { code: "TU", region: "Түркістан облысы" },
    ],
    people: [
      { telegramId: 1, role: "admin", name: "Admin" },
      { telegramId: 11, role: "officer", body: "AB", language: "kk" },
      { telegramId: 12, role: "manager", body: "AB", language: "ru" },
      ...Array.from({ length: COHORT }, (_, i) => ({
        telegramId: 1000 + i,
        role: "commissioner" as const,
        body: "TU",
      })),
    ],
  });

  it("composes, previews and sends each recipient the text in their language", async () => {
    const admin = user(1, "ru");
    await admin.command("broadcast");
    await admin.waitFor(/Как написать текст/);
    await admin.press("Отдельно на казахском и русском");
    await admin.waitFor(/на казахском языке/);
    await admin.send("Сәлеметсіз бе! Есеп беру мерзімі жақындап қалды.");
    await admin.waitFor(/на русском языке/);
    await admin.send("Здравствуйте! Срок сдачи отчёта приближается.");
    await admin.waitFor(/Кому отправить/);
    await admin.press("По региону");
    await admin.waitFor(/Какому региону/);
    await admin.press("Абай облысы");
    await admin.waitFor(/Когда отправить/);
    await admin.press("Сейчас");
    const preview = await admin.waitFor(/Предпросмотр/);
    expect(preview.text).toContain("Кому: регион «Абай облысы»");
    expect(preview.text).toContain("Получателей: 2");
    await admin.press("✅ Отправить");
    await admin.waitFor(/Рассылка №\d+/);

    const kk = user(11);
    const ru = user(12);
    await kk.waitFor("Сәлеметсіз бе! Есеп беру мерзімі жақындап қалды.");
    await ru.waitFor("Здравствуйте! Срок сдачи отчёта приближается.");
    const done = await admin.waitFor(/Рассылка завершена/, { timeoutMs: 15_000 });
    expect(done.text).toContain("Отправлено: 2 · Не доставлено: 0 · Осталось: 0");
    expect(kk.messages()).toHaveLength(1);
    expect(ru.messages()).toHaveLength(1);
  });

  it("stops the rest when the admin presses Stop", async () => {
    const admin = user(1, "ru");
    await admin.command("broadcast");
    await admin.waitFor(/Как написать текст/);
    await admin.press("Один текст для всех");
    await admin.waitFor(/Отправьте текст рассылки/);
    await admin.send("Общее объявление");
    await admin.waitFor(/Кому отправить/);
    await admin.press("По роли");
    await admin.waitFor(/Какой роли/);
    await admin.press("Уполномоченные по этике");
    await admin.waitFor(/Когда отправить/);
    await admin.press("Сейчас");
    await admin.waitFor(new RegExp(`Получателей: ${COHORT}`));
    await admin.press("✅ Отправить");
    await admin.waitFor(/Рассылка №\d+/);
    const received = () =>
      // The admin's own preview repeats the text; count the recipients' copies.
      emulator()
        .botMessages()
        .filter((m) => m.text === "Общее объявление" && m.chatId !== 1).length;
    await waitUntil(() => received() >= 10, 20_000, "the first messages");
    await admin.press("⛔ Остановить");
    const stopped = await admin.waitFor(/Отменено: \d+/);
    const cancelled = Number(/Отменено: (\d+)/.exec(stopped.text)?.[1]);
    // Let anything already handed to Telegram land, then nothing more may come.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const final = received();
    expect(cancelled).toBeGreaterThan(0);
    expect(final + cancelled).toBe(COHORT);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received()).toBe(final);
  });

  it("lets an admin move a report deadline with /deadlines", async () => {
    const admin = user(1, "ru");
    await admin.command("deadlines");
    const shown = await admin.waitFor(/Сроки сдачи отчётов/);
    expect(shown.text).toContain(
      "• Ежемесячный отчёт: 5-го числа следующего месяца после периода, 18:00",
    );
    await admin.press("Ежемесячный отчёт");
    await admin.waitFor(/введите день месяца/);
    await admin.send("31 18:00");
    await admin.waitFor(/Не понял/);
    await admin.send("8 12:30");
    await admin.waitFor("✅ Срок изменён: Ежемесячный отчёт — 8-го числа, 12:30.");
    await admin.command("deadlines");
    const after = await admin.waitFor(/Сроки сдачи отчётов/);
    expect(after.text).toContain(
      "• Ежемесячный отчёт: 8-го числа следующего месяца после периода, 12:30",
    );
  });
});
