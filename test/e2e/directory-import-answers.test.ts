import { describe, expect, it } from "vitest";
import { exampleRows } from "../../src/services/directory-examples.ts";
import { parseCsv } from "../../src/services/table-file.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { cp1251 } from "../support/cp1251.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { wordProblems } from "../support/glossary.ts";
import { tallSheetXlsx, wholeSheetXlsx, zipBombXlsx } from "../support/hostile-xlsx.ts";

const HEADER = "type,code,body_code,kind,name_kk,name_ru,name,telegram_id,role";

/** Every kind of mistake at once: the file's own, and what only the stored directory reveals. */
const MISTAKES = [
  HEADER,
  "body,GOOD,,central,Жақсы орган,Хороший орган,,,",
  "body,BAD,,galactic,Жаман орган,Плохой орган,,,",
  "subdivision,S1,NOPE,,Бөлім,Отдел,,,",
  "subdivision,S2,BAD,,Бөлім,Отдел,,,",
  "person,,SEED,,,,Иван,12x,officer",
].join("\n");

describe("the directory import's answers", () => {
  const ids = { ru: 6101, kk: 6102, otherRu: 6103, otherKk: 6104 };

  const { emulator, bot, user } = useBotWithPeople({
    // A process of its own: the test reads its peak memory.
    process: true,
    env: { RATE_LIMIT_UPDATES: "0" },
    bodies: [{ code: "SEED" }],
    people: [
      { telegramId: ids.ru, role: "admin" },
      { telegramId: ids.kk, role: "admin", language: "kk" },
      { telegramId: ids.otherRu, role: "commissioner", body: "SEED" },
      { telegramId: ids.otherKk, role: "commissioner", body: "SEED", language: "kk" },
    ],
  });

  const send = (u: EmulatedUser, filename: string, data: Buffer, caption?: string) =>
    u.sendDocument({ filename, data, ...(caption ? { caption } : {}) });
  const filesTo = (chatId: number) => emulator().sentFiles.filter((f) => f.chatId === chatId);

  it("tells every problem of a file in one answer, by row and cell, in Russian", async () => {
    const admin = user(ids.ru, "ru");
    await send(admin, "справочник.csv", Buffer.from(MISTAKES), "/import");
    // The first file also starts the reading thread.
    const answer = await admin.waitFor(/Файл не импортирован/, { timeoutMs: 30_000 });
    expect(answer.text.split("\n")).toEqual([
      "❌ Файл не импортирован, ничего не изменено. Найдено 3 ошибки:",
      "Строка 3, столбец «Вид органа» (D3): вид органа «galactic»: укажите «центральный» или «местный»",
      "Строка 4, столбец «Код органа» (C4): органа с кодом «NOPE» нет ни в файле, ни в справочнике",
      "Строка 6, столбец «Telegram ID» (H6): «12x» — не Telegram ID (нужно целое положительное число)",
    ]);
  });

  it("tells every problem of a file in one answer, by row and cell, in Kazakh", async () => {
    const admin = user(ids.kk, "kk");
    await send(admin, "анықтамалық.csv", Buffer.from(MISTAKES), "/import");
    const answer = await admin.waitFor(/Файл импортталмады/);
    expect(answer.text.split("\n")).toEqual([
      "❌ Файл импортталмады, ештеңе өзгертілген жоқ. Табылған қателер: 3.",
      "3-жол, «Орган түрі» бағаны (D3): «galactic» орган түрі: «орталық» немесе «жергілікті» деп көрсетіңіз",
      "4-жол, «Орган коды» бағаны (C4): «NOPE» кодты орган файлда да, анықтамалықта да жоқ",
      "6-жол, «Telegram ID» бағаны (H6): «12x» — Telegram ID емес (оң бүтін сан керек)",
    ]);
  });

  it("lists the first problems that fit a phone's screen and sends all of them as a file", async () => {
    for (const [id, lang, more] of [
      [ids.ru, "ru", /^…и ещё (\d+) — все ошибки в приложенном файле\.$/],
      [ids.kk, "kk", /^…тағы (\d+) — барлық қате қоса берілген файлда\.$/],
    ] as const) {
      const admin = user(id, lang);
      const rows = Array.from({ length: 60 }, (_, i) => `body,B${i},,galactic,Б,Б,,,`);
      await send(admin, "many.csv", Buffer.from([HEADER, ...rows].join("\n")), "/import");
      const answer = await admin.waitFor(/\(D2\)/);
      const lines = answer.text.split("\n");
      expect(answer.text.length).toBeLessThanOrEqual(1000);
      // The heading, the problems that fit, and how many more the file holds: 60 in all.
      const rest = Number(more.exec(lines.at(-1) ?? "")?.[1]);
      expect(lines.length - 2 + rest).toBe(60);
      await admin.waitFor((m) => m.raw.document !== undefined && m.text.includes("many.csv"));
      const file = filesTo(id).at(-1);
      const table = parseCsv((file?.data ?? Buffer.alloc(0)).toString("utf8"));
      expect(table).toHaveLength(61);
      expect(table.at(-1)?.slice(0, 2)).toEqual(["61", "D61"]);
    }
  });

  it("reads a Windows-1251 CSV and says so; refuses one that lost Kazakh letters, naming the encoding", async () => {
    const ru = user(ids.ru, "ru");
    const russianOnly = cp1251(`${HEADER}\nbody,ATR,,regional,Атырау,Акимат Атырау,,,\n`);
    await send(ru, "atyrau.csv", russianOnly, "/import");
    const done = await ru.waitFor(/Импорт выполнен/);
    expect(done.text).toContain("Органы: добавлено 1, изменено 0.");
    expect(done.text.split("\n").at(-1)).toBe("Файл прочитан в кодировке Windows-1251.");

    const kk = user(ids.kk, "kk");
    const lost = cp1251(`${HEADER}\nbody,ALM,,regional,Алматы облысының әкімдігі,Акимат,,,\n`);
    await send(kk, "almaty.csv", lost, "/import");
    const refused = await kk.waitFor(/Файл импортталмады/);
    expect(refused.text).toContain(
      "2-жол, «Қазақша атауы» бағаны (E2): «Алматы облысыны? ?кімдігі»: Windows-1251 кодтауында қазақ әріптері жоқ",
    );
    expect(refused.text.split("\n").at(-1)).toBe("Файл Windows-1251 кодтауында оқылды.");
  });

  it("refuses the template's examples sent back unchanged, in both languages", async () => {
    // One refusal per example row of the template, whatever their number.
    const examples = exampleRows("ru").length;
    expect(exampleRows("kk")).toHaveLength(examples);
    for (const [id, lang, refusal, example] of [
      [ids.ru, "ru", `Найдено ${examples} ошибок:`, "Строка 2: это строка-пример из шаблона"],
      [ids.kk, "kk", `Табылған қателер: ${examples}.`, "2-жол: бұл — үлгідегі мысал жол"],
    ] as const) {
      const admin = user(id, lang);
      await admin.command("import");
      await admin.waitFor((m) => m.raw.document !== undefined);
      const template = filesTo(id).at(-1);
      await send(admin, template?.filename ?? "t.xlsx", template?.data ?? Buffer.alloc(0));
      const answer = await admin.waitFor(refusal);
      expect(answer.text).toContain(example);
    }
  });

  it("says how to import a table sent without /import, in both languages", async () => {
    await send(user(ids.ru, "ru"), "справочник.csv", Buffer.from(MISTAKES));
    await user(ids.ru, "ru").waitFor(
      "Похоже, это справочник. Чтобы импортировать его, отправьте файл с подписью /import",
    );
    await send(user(ids.kk, "kk"), "анықтамалық.xlsx", Buffer.from("x"));
    await user(ids.kk, "kk").waitFor("Бұл анықтамалыққа ұқсайды.");
  });

  it("keeps answering others while hostile workbooks are read, names what is wrong, and stays small", async () => {
    const before = bot().peakMemoryMb();
    const files = [
      { id: ids.ru, lang: "ru", data: wholeSheetXlsx(), answer: "Значение есть в столбце XFD" },
      { id: ids.kk, lang: "kk", data: wholeSheetXlsx(), answer: "XFD бағанында мән бар" },
      {
        id: ids.ru,
        lang: "ru",
        data: tallSheetXlsx(1_048_576),
        answer: "Лист заполнен до строки 1048576",
      },
      { id: ids.kk, lang: "kk", data: zipBombXlsx(200), answer: "Файл ашылғанда 50 МБ-тан асады" },
    ] as const;
    for (const file of files) {
      const admin = user(file.id, file.lang);
      const release = emulator().holdDownloads();
      const asked = emulator().fileDownloads;
      await send(admin, "b.xlsx", file.data, "/import");
      // The import is now under way (its download held); the others are answered meanwhile.
      while (emulator().fileDownloads === asked) await new Promise((r) => setTimeout(r, 20));
      for (const [other, lang, help] of [
        [ids.otherRu, "ru", /Что умеет бот/],
        [ids.otherKk, "kk", /Бот не істей алады/],
      ] as const) {
        const person = user(other, lang);
        await person.command("help");
        await person.waitFor(help);
      }
      expect(admin.messages().filter((m) => m.text.includes(file.answer))).toEqual([]);
      release();
      await admin.waitFor(file.answer, { timeoutMs: 30_000 });
    }
    // Reading these files costs the bot what their cells hold, not gigabytes.
    expect(bot().peakMemoryMb() - before).toBeLessThan(250);
  });

  it("used only the methodology's words and single full stops in every answer", () => {
    expect(wordProblems(emulator().botMessages(ids.ru), "ru")).toEqual([]);
    expect(wordProblems(emulator().botMessages(ids.kk), "kk")).toEqual([]);
  });
});
