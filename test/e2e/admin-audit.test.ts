import { describe, expect, it } from "vitest";
import type { Json } from "../../src/db/repositories/shared.ts";
import { createInviteForBody } from "../../src/services/invites.ts";
import { changeUserRole, setBodyActive } from "../../src/services/user-admin.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { seedBodies, seedPerson } from "../unit/services/fixtures.ts";
import { FAKE_NOW, NOW } from "./manager-admin-seed.ts";

// Entries a minute apart, oldest first, so each page's order is known.
const minute = (n: number) => new Date(NOW.getTime() - (20 - n) * 60_000);

describe("admins: the audit log in people's words", () => {
  const { user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
      const { child, ministry } = await seedBodies(repos);
      const admin = await seedPerson(repos, 6001, "admin", null, "ru");
      await seedPerson(repos, 6002, "admin", null, "kk");
      const person = await seedPerson(repos, 6003, "commissioner", child.id);
      // What the services record, through the services themselves where they are cheap to call.
      await createInviteForBody(repos, {
        bodyId: child.id,
        role: "manager",
        maxUses: 5,
        days: 7,
        actorUserId: admin.id,
        now: minute(1),
      });
      await changeUserRole(repos, {
        actor: admin,
        userId: person.id,
        role: "officer",
        now: minute(2),
      });
      await setBodyActive(repos, {
        actor: admin,
        bodyId: ministry.id,
        active: false,
        now: minute(3),
      });
      const record = (n: number, action: string, target: string | null, details: Json) =>
        repos.audit.record({ actorUserId: admin.id, action, target, details, at: minute(n) });
      await record(4, "review.return", "submission:1", {
        body: "CITY",
        kind: "monthly",
        period: "2026-10",
        version: 1,
        comment: "Добавьте фото",
      });
      await record(5, "export", "monthly", {
        kind: "monthly",
        periodKey: "2026-10",
        format: "csv",
        files: ["appendix5-2026-10.csv", "appendix6-2026-10.csv"],
      });
      await record(6, "deadline.set", "deadline:monthly", { before: "5 18:00", after: "7 12:00" });
      await record(7, "survey.sent", "survey:3", { to: { role: "manager" }, count: 4 });
      for (let n = 8; n <= 14; n++) {
        await record(n, "directory.importRefused", `file-${n}.csv`, { problems: n });
      }
    },
    waitForCatchUp: true,
  });

  it("writes each entry in Russian, seven a page, and pages back to the oldest", async () => {
    const admin = user(6001, "ru");
    await admin.command("audit");
    const latest = await admin.waitFor(/Журнал действий/);
    const entries = latest.text.split("\n\n").slice(1);
    expect(entries).toHaveLength(7);
    expect(entries[0]).toBe(
      "20.11.2026, 13:54 · Person 6001\nСправочник из файла «file-14.csv» не импортирован: ошибок в файле — 14, ничего не изменено.",
    );
    expect(latest.text).not.toMatch(/[{}"]|body:\d|user:\d|submission:\d/);
    expect(latest.keyboard?.flat().map((b) => b.text)).toEqual(["Раньше ▶"]);

    await admin.press("Раньше ▶");
    const older = await admin.waitFor(/Журнал действий/);
    expect(older.text.split("\n\n").slice(1)).toEqual([
      "20.11.2026, 13:47 · Person 6001\nДействие «survey.sent» (survey:3): to.role: manager; count: 4.",
      "20.11.2026, 13:46 · Person 6001\nИзменён срок сдачи: ежемесячный отчёт — был 5-го числа, 18:00, стал 7-го числа, 12:00.",
      "20.11.2026, 13:45 · Person 6001\nВыгрузка (CSV): ежемесячные отчёты (приложения 5 и 6), октябрь 2026.",
      "20.11.2026, 13:44 · Person 6001\nВозвращён на доработку ежемесячный отчёт: Акимат CITY, октябрь 2026, версия 1. Комментарий: «Добавьте фото».",
      "20.11.2026, 13:43 · Person 6001\nОрган отключён (выбывает из рейтинга и приглашений): Акимат MIN.",
      "20.11.2026, 13:42 · Person 6001\nИзменена роль: Person 6003 — была «уполномоченный по этике», стала «ответственный сотрудник».",
      "20.11.2026, 13:41 · Person 6001\nСоздано приглашение № 1 в орган «Акимат CITY»: роль — руководитель, входов — не больше 5, действует 7 дней.",
    ]);
    expect(older.keyboard?.flat().map((b) => b.text)).toEqual(["⏮ К последним"]);
    await admin.press("⏮ К последним");
    await admin.waitFor(/file-14\.csv/);
  });

  it("writes the same entries in Kazakh for a Kazakh-speaking admin", async () => {
    const admin = user(6002, "kk");
    await admin.command("audit");
    await admin.waitFor(/Әрекеттер журналы/);
    await admin.press("Ертерек ▶");
    const older = await admin.waitFor(/шақыру жасалды/);
    expect(older.text.split("\n\n").slice(1).slice(-4)).toEqual([
      "20.11.2026, 13:44 · Person 6001\nЕсеп пысықтауға қайтарылды: ай сайынғы есеп, CITY әкімдігі, 2026 ж. қазан, 1-нұсқа. Пікір: «Добавьте фото».",
      "20.11.2026, 13:43 · Person 6001\nОрган өшірілді (рейтинг пен шақырулардан шығады): MIN әкімдігі.",
      "20.11.2026, 13:42 · Person 6001\nРөл өзгертілді: Person 6003 — бұрын «әдеп жөніндегі уәкіл», енді «жауапты қызметкер».",
      "20.11.2026, 13:41 · Person 6001\n№ 1 шақыру жасалды, орган: «CITY әкімдігі»; рөлі — басшы, кіру саны — ең көбі 5, мерзімі — 7 күн.",
    ]);
    expect(older.keyboard?.flat().map((b) => b.text)).toEqual(["⏮ Соңғыларына"]);
  });
});
