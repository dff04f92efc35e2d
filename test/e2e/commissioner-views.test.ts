import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";

// 3 November 2026 in Almaty: October is open, due 5 November.
const FAKE_NOW = "2026-11-03T11:00:00+05:00";

async function press(user: EmulatedUser, button: string | RegExp, expected: RegExp | string) {
  await user.press(button);
  return user.waitFor(expected);
}

async function say(user: EmulatedUser, text: string, expected: RegExp | string) {
  await user.send(text);
  return user.waitFor(expected);
}

describe("what a commissioner reads besides the form", () => {
  const { user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", RATE_LIMIT_UPDATES: "0" },
    bodies: [{ code: "V01" }, { code: "V02" }],
    people: [
      { telegramId: 7201, role: "commissioner", body: "V01" },
      { telegramId: 7202, role: "commissioner", body: "V02", language: "kk" },
    ],
  });

  it("explains in /help how each monthly indicator earns points, from the methodology data", async () => {
    const ru = user(7201, "ru");
    await ru.command("help");
    const help = await ru.waitFor("Как начисляются баллы за ежемесячный отчёт (октябрь 2026):");
    expect(help.text).toContain(
      "• 4.2.3 Ежемесячные обучающие мероприятия: 2 балла за каждое мероприятие, не больше 10 баллов в месяц",
    );
    expect(help.text).toContain(
      "• 4.2.4 Профилактическая работа: 1 балл за каждое должностное лицо",
    );
    expect(help.text).toContain("а при 1000 просмотрах и больше — 10 баллов вместо них");
    expect(help.text).toContain("Решение регламента подсчёта (не слова методики)");
    expect(help.text).not.toMatch(/p4\.t/);

    const kk = user(7202, "kk");
    await kk.command("help");
    const kkHelp = await kk.waitFor("Ай сайынғы есеп үшін балл қалай есептеледі (2026 ж. қазан):");
    expect(kkHelp.text).toContain(
      "• 4.2.3 Ай сайынғы түсіндіру іс-шаралары: әр іс-шара үшін 2 балл, айына ең көбі 10 балл",
    );
  });

  it("pauses the form for a menu button, answers free text with the menu and the draft", async () => {
    const ru = user(7201, "ru");
    await ru.command("report");
    await ru.waitFor("За какой период?");
    await press(ru, /^октябрь 2026/, "1/4");
    await press(ru, "➕ Добавить", "когда оно прошло?");
    await say(ru, "12", "какая у него тема?");
    // The main menu's buttons work while a form is open: the form pauses, its draft kept.
    await ru.command("start");
    await ru.waitFor((m) => m.keyboard?.flat().some((b) => b.text.includes("Мои баллы")) === true);
    await press(ru, "🏅 Мои баллы", /Баллы:/);
    const lost = await say(ru, "как дела?", "Не понял это сообщение.");
    expect(lost.text).toContain(
      "У вас есть незаконченный черновик: Ежемесячный отчёт уполномоченного по этике за октябрь 2026",
    );
    await press(ru, "▶ Продолжить черновик", "незаконченный черновик");
    await press(ru, "▶ Продолжить черновик", "какая у него тема?");
    await say(ru, "Тема", "сколько человек участвовало?");
    await say(ru, "20", "1. 12.10.2026 — Тема, 20 участников");
    await press(ru, "✅ Готово", "2/4");
    await press(ru, "✅ Готово", "3/4");
    await press(ru, "✅ Готово", "4/4");
    await press(ru, "➡ Далее", "проверьте перед отправкой");
    await press(ru, "📤 Отправить отчёт", "отправлен (версия 1)");
    // A button of a form that is over: a quiet answer, nothing else happens.
    await ru.press("✏️ Изменить раздел").catch(() => undefined);
  });

  it("keeps the form open for /help, closes it and its entry for other commands (kk)", async () => {
    const kk = user(7202, "kk");
    await kk.command("report");
    await kk.waitFor("Қай кезеңге?");
    await press(kk, /қазан/, "1/4");
    await press(kk, "➕ Қосу", "ол қашан өтті?");
    await say(kk, "12", "оның тақырыбы қандай?");
    // /help answers and asks the question again below; the next text is still its answer.
    await kk.command("help");
    await kk.waitFor("Ай сайынғы есеп үшін балл қалай есептеледі");
    const asked = await kk.waitFor("оның тақырыбы қандай?");
    expect(kk.lastMessage()?.messageId).toBe(asked.messageId);
    await say(kk, "Тақырып", "оған неше адам қатысты?");
    // Another feature's command closes the form: the next text is no answer of it.
    await kk.command("myreports");
    await kk.waitFor("Органыңыз әлі есеп жібермеген.");
    const lost = await say(kk, "20", "Бұл хабарламаны түсінбедім.");
    expect(lost.text).toContain("Сізде аяқталмаған нобай бар");
    // The same during the entry: /help leaves it open, another command ends it.
    await kk.command("report");
    const offer = await kk.waitFor("Оны жалғастырасыз ба");
    await kk.command("help");
    await kk.waitFor("Ай сайынғы есеп үшін балл қалай есептеледі");
    await kk.command("myreports");
    await kk.waitFor("Органыңыз әлі есеп жібермеген.");
    const resume = offer.keyboard?.flat().find((b) => b.text === "▶ Нобайды жалғастыру");
    await kk.pressData(resume?.callback_data ?? "", offer);
    expect(await kk.waitForCallbackAnswer("Бұл батырма енді жұмыс істемейді")).toContain(
      "Есепті мәзірден қайта ашыңыз",
    );
    // The draft is still there to continue, with both answers.
    await kk.command("report");
    const again = await kk.waitFor("Оны жалғастырасыз ба");
    const next = again.keyboard?.flat().find((b) => b.text === "▶ Нобайды жалғастыру");
    await kk.pressData(next?.callback_data ?? "", again);
    await kk.waitFor("оған неше адам қатысты?");
  });

  it("shows the body's past reports read-only, with status and points, in both languages", async () => {
    const ru = user(7201, "ru");
    await ru.command("myreports");
    await ru.waitFor("📚 Отчёты вашего органа (1)");
    const report = await press(
      ru,
      "октябрь 2026 · ежемесячный · отправлен, на проверке",
      "📄 Ежемесячный отчёт уполномоченного по этике за октябрь 2026",
    );
    expect(report.text).toContain("Статус: отправлен, на проверке · версия 1");
    expect(report.text).toContain("1. 12.10.2026 — Тема, 20 участников — 2 балла");
    expect(report.text).toContain("Итого за месяц: 2 балла");
    expect(report.text).not.toContain("проверьте перед отправкой");
    expect(report.text).not.toContain("Срок сдачи");

    const kk = user(7202, "kk");
    await kk.command("myreports");
    await kk.waitFor("Органыңыз әлі есеп жібермеген.");
  });
});
