// Issue 16 item 12: every button's data is decoded by its feature's codec and checked for role and
// scope; a forged or out-of-range payload gets a quiet "out of date", never a crash or someone
// else's data.
import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { monthlyReport } from "../unit/services/fixtures.ts";
import { submitScored } from "./manager-admin-seed.ts";

const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const APOLOGIES = ["Извините, что-то пошло не так", "Кешіріңіз, бірдеңе дұрыс болмады"];
const OUT_OF_DATE = {
  ru: "Эта кнопка больше не действует.",
  kk: "Бұл батырма енді жұмыс істемейді.",
};

describe("forged and out-of-range buttons", () => {
  const {
    emulator,
    seeded: submissionId,
    user,
  } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", RATE_LIMIT_UPDATES: "0" },
    bodies: [
      { code: "RG1", kind: "regional" },
      { code: "CN1", kind: "central" },
    ],
    people: [
      { telegramId: 7401, role: "commissioner", body: "RG1" },
      { telegramId: 7402, role: "admin" },
      { telegramId: 7403, role: "manager", body: "RG1", language: "kk" },
    ],
    seed: (repos, { body, person }) =>
      submitScored(
        repos,
        monthlyReport(body("RG1").id, person(7401).id, "2026-10", { at: new Date(FAKE_NOW) }),
      ),
  });

  async function pressAndHear(userId: number, lang: "ru" | "kk", data: string) {
    const user = emulator().user({ userId, languageCode: lang });
    const before = emulator().callbackAnswers.length;
    await user.pressData(data);
    const deadline = Date.now() + 10_000;
    while (emulator().callbackAnswers.length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return emulator()
      .callbackAnswers.slice(before)
      .find((a) => a.chatId === user.chatId);
  }

  it("shows a regional body's people no central ranking, whatever the button says", async () => {
    const answer = await pressAndHear(7401, "ru", "lb:central:2026-10");
    expect(answer?.text).toBe("Эта кнопка больше не действует.");
    const kkAnswer = await pressAndHear(7403, "kk", "lb:central:2026-10");
    expect(kkAnswer?.text).toBe("Бұл батырма енді жұмыс істемейді.");
    const shown = emulator().botMessages(7401).concat(emulator().botMessages(7403));
    expect(shown.some((m) => /Центральные|Орталық/.test(m.text))).toBe(false);
    // Their own kind is theirs to see.
    const own = user(7401, "ru");
    await own.command("leaderboard");
    await own.waitFor(/Рейтинг: Местные исполнительные органы/);
    await own.press(/С начала года/);
    await own.waitFor((m) => m.edited && /Рейтинг: Местные исполнительные органы/.test(m.text));
  });

  it("answers every out-of-range payload quietly and never apologises for a crash", async () => {
    const forged = [
      "us:o:99999999999",
      "us:o:0",
      "us:b:-1",
      "us:r:1:superuser",
      "us:x:abc",
      "us:t:",
      "inv:c:1:admin:1000000:99999",
      "inv:u:1:admin:7",
      "inv:x:1:0",
      "inv:b:2147483648",
      "dl:edit:weekly",
      "bc:stop:99999999999",
      "bc:show:-5",
      "myr:monthly:2026-13:1:0",
      "myr:annual:2026-10:1:0",
      "myr:list:99999",
      "lb:regional:2026-13",
      "lb:mars:2026-10",
      "mr:99:add",
      "re:period:99",
      "menu:nowhere",
      "x:y:z",
      "",
    ];
    for (const data of forged) {
      const answer = await pressAndHear(7402, "ru", data);
      expect(answer, data).toBeDefined();
    }
    const admin = emulator().botMessages(7402);
    expect(
      admin.filter((m) => APOLOGIES.some((a) => m.text.includes(a))).map((m) => m.text),
    ).toEqual([]);
  });

  it("reads the review, audit, export and language buttons only as their codecs wrote them", async () => {
    const forged = [
      "rv:o:abc",
      "rv:o:99999999999",
      "rv:o:0",
      "rv:a:99999999999",
      "rv:h:-1",
      "rv:r:1e3",
      "rv:l:deleted",
      "rv:l:x:_:_:_:0",
      "rv:l:s:_:_:99999999999:0",
      "rv:l:s:_:2026-13:_:0",
      "rv:fk:s:z:_:_:0",
      "rv:fp:s:_:_:_:0",
      "rv:fb:s:_:_:_:0:abc",
      "au:abc",
      "au:-1",
      "au:99999999999",
      "au:1:2",
      "ex:mars",
      "ex:monthly:2026-13",
      "ex:monthly:y:20266",
      "ex:scores:2026-10:0:xlsx",
      "ex:monthly:2026-10:0:pdf",
      "ex:leaderboard:2026-10:99999999999:csv",
      "exb:2026-10:-1",
      "lang:en",
      "lang:",
      "onb:en",
    ];
    for (const data of forged) {
      const answer = await pressAndHear(7402, "ru", data);
      expect(answer?.text, data).toBe(OUT_OF_DATE.ru);
    }
    for (const data of ["ex:scores:2026-Q5", "lang:en", "au:x"]) {
      const answer = await pressAndHear(7403, "kk", data);
      expect(answer?.text, data).toBe(
        data.startsWith("au:") ? "Бұл әрекет сіздің рөліңізге қолжетімді емес." : OUT_OF_DATE.kk,
      );
    }
    // Someone who has not joined yet is told the same about a forged language button.
    expect((await pressAndHear(7499, "ru", "lang:xx"))?.text).toBe(OUT_OF_DATE.ru);
    const shown = emulator().botMessages(7402).concat(emulator().botMessages(7403));
    expect(
      shown.filter((m) => APOLOGIES.some((a) => m.text.includes(a))).map((m) => m.text),
    ).toEqual([]);
  });

  it("does nothing for a non-admin who presses an admin's review buttons", async () => {
    const heard = emulator().botMessages(7401).length;
    for (const action of ["a", "r", "o", "h", "e"]) {
      const answer = await pressAndHear(7401, "ru", `rv:${action}:${submissionId()}`);
      expect(answer?.text, action).toBe("Это действие недоступно для вашей роли.");
    }
    expect((await pressAndHear(7401, "ru", "rv:l:submitted"))?.text).toBe(
      "Это действие недоступно для вашей роли.",
    );
    // The report still waits, and a list button of before the filters still opens the list.
    const admin = user(7402, "ru");
    await admin.command("review");
    const list = await admin.waitFor("📥 На проверке: 1");
    await admin.press(/Возвращённые \(0\)/);
    await admin.waitFor((m) => m.edited && m.text.startsWith("↩️ Возвращены на доработку: 0"));
    await admin.pressData("rv:l:submitted", list);
    await admin.waitFor((m) => m.edited && m.text.startsWith("📥 На проверке: 1"));
    // Neither a decision told to the author nor a question for a comment.
    const toAuthor = emulator().botMessages(7401).slice(heard);
    expect(toAuthor.map((m) => m.text)).toEqual([]);
  });
});
