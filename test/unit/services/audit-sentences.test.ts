import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditRecord } from "../../../src/db/repositories/audit.ts";
import type { Json } from "../../../src/db/repositories/shared.ts";
import {
  type AuditNames,
  auditReferences,
  auditSentence,
  DESCRIBED_ACTIONS,
  describeAuditEntry,
  flatten,
} from "../../../src/services/audit-sentences.ts";

const AT = new Date("2026-11-20T12:00:00Z");
const ZONE = "Asia/Almaty";
const city = { code: "CITY", nameKk: "CITY әкімдігі", nameRu: "Акимат CITY" };
const min = { code: "MIN", nameKk: "Министрлік", nameRu: "Министерство" };
const names: AuditNames = {
  users: new Map([
    [1, "Айгерим Садыкова"],
    [2, "Нурлан Ахметов"],
  ]),
  bodies: new Map([
    [4, city],
    [5, min],
  ]),
  bodiesByCode: new Map([
    ["CITY", city],
    ["MIN", min],
  ]),
};

let nextId = 1;
function entry(action: string, target: string | null, details: Json = null): AuditRecord {
  return { id: nextId++, actorUserId: 1, action, target, details, at: AT };
}

const both = (e: AuditRecord) => ({
  ru: auditSentence(e, names, { lang: "ru", zone: ZONE }),
  kk: auditSentence(e, names, { lang: "kk", zone: ZONE }),
});

// One entry of every action, with the details the code records for it.
const EXAMPLES: AuditRecord[] = [
  entry("review.accept", "submission:9", {
    body: "CITY",
    kind: "monthly",
    period: "2026-10",
    version: 2,
    comment: null,
  }),
  entry("review.return", "submission:9", {
    body: "CITY",
    kind: "monthly",
    period: "2026-10",
    version: 1,
    comment: "Добавьте фото",
  }),
  entry("report.submitted", "annual:5:2025", { version: 1, late: true }),
  entry("user.role", "user:2", { name: "Нурлан Ахметов", from: "commissioner", to: "manager" }),
  entry("user.activated", "user:2", { name: "Нурлан Ахметов" }),
  entry("user.deactivated", "user:2", { name: "Нурлан Ахметов" }),
  entry("body.activated", "body:4", { code: "CITY" }),
  entry("body.deactivated", "body:4", { code: "CITY" }),
  entry("body.added", "body:4", { code: "CITY", kind: "regional" }),
  entry("owner.claimed", "user:1"),
  entry("admin.admitted", "user:1", { via: "ADMIN_TELEGRAM_IDS" }),
  entry("invite.created", "body:4", { inviteId: 7, role: "manager", maxUses: 5, days: 7 }),
  entry("invite.revoked", "body:4", { inviteId: 7 }),
  entry("invite.redeemed", "body:4", {
    inviteId: 7,
    role: "manager",
    fromRole: "commissioner",
    fromBodyId: 5,
  }),
  entry("directory.import", "directory.xlsx", {
    rows: 12,
    bodiesCreated: 3,
    bodiesUpdated: 1,
    membersCreated: 6,
    membersUpdated: 0,
    peopleCreated: 2,
    peopleUpdated: 0,
  }),
  entry("directory.importRefused", "directory.csv", { problems: 4 }),
  entry("export", "scores", {
    kind: "scores",
    periodKey: "2026-Q3",
    bodyId: 4,
    format: "xlsx",
    files: ["score-sheet-CITY-2026-Q3.xlsx"],
  }),
  entry("broadcast.create", null, {
    audience: { type: "role", role: "commissioner" },
    recipients: 120,
    texts: { kk: "Сәлем", ru: "Привет" },
    notBefore: "2026-11-21T05:00:00.000Z",
  }),
  entry("broadcast.cancel", "broadcast:18", { cancelled: 5 }),
  entry("deadline.set", "deadline:monthly", { before: "5 18:00", after: "7 12:00" }),
  entry("methodology.activate", "methodology:2027.1", {
    version: "2027.1",
    appliesFrom: "2027",
    replaces: "2026.1",
    file: "2027.1.yaml",
  }),
];

describe("the audit log in words", () => {
  it("says a review decision with the report, body, period and version", () => {
    expect(both(EXAMPLES[0] as AuditRecord)).toEqual({
      ru: "Принят ежемесячный отчёт: Акимат CITY, октябрь 2026, версия 2.",
      kk: "Есеп қабылданды: ай сайынғы есеп, CITY әкімдігі, 2026 ж. қазан, 2-нұсқа.",
    });
    expect(both(EXAMPLES[1] as AuditRecord).ru).toBe(
      "Возвращён на доработку ежемесячный отчёт: Акимат CITY, октябрь 2026, версия 1. Комментарий: «Добавьте фото».",
    );
  });

  it("says a submitted report, late ones marked", () => {
    expect(both(EXAMPLES[2] as AuditRecord)).toEqual({
      ru: "Отправлен годовой отчёт по индикаторам: Министерство, 2025 год, версия 1, с опозданием.",
      kk: "Есеп жіберілді: индикаторлар бойынша жылдық есеп, Министрлік, 2025 жыл, 1-нұсқа, кешігіп.",
    });
  });

  it("says what changed for people: roles in words, not codes", () => {
    expect(both(EXAMPLES[3] as AuditRecord)).toEqual({
      ru: "Изменена роль: Нурлан Ахметов — была «уполномоченный по этике», стала «руководитель».",
      kk: "Рөл өзгертілді: Нурлан Ахметов — бұрын «әдеп жөніндегі уәкіл», енді «басшы».",
    });
  });

  it("says an invite with its body's name, role, uses and days", () => {
    expect(both(EXAMPLES[11] as AuditRecord)).toEqual({
      ru: "Создано приглашение № 7 в орган «Акимат CITY»: роль — руководитель, входов — не больше 5, действует 7 дней.",
      kk: "№ 7 шақыру жасалды, орган: «CITY әкімдігі»; рөлі — басшы, кіру саны — ең көбі 5, мерзімі — 7 күн.",
    });
    expect(both(EXAMPLES[13] as AuditRecord).ru).toBe(
      "Вход по приглашению № 7: орган «Акимат CITY», роль — руководитель (раньше: уполномоченный по этике, Министерство).",
    );
  });

  it("says an export with what, which period and the format", () => {
    expect(both(EXAMPLES[16] as AuditRecord)).toEqual({
      ru: "Выгрузка (Excel): оценка органа «Акимат CITY», III квартал 2026.",
      kk: "Түсіру (Excel): «CITY әкімдігі» органының бағасы, 2026 ж. III тоқсан.",
    });
  });

  it("says a broadcast with its audience and the local time it goes out", () => {
    expect(both(EXAMPLES[17] as AuditRecord)).toEqual({
      ru: "Создана рассылка № 18: роль «Уполномоченные по этике», получателей — 120, отправка с 21.11.2026, 10:00.",
      kk: "№ 18 хабарлама таратуы жасалды: «Әдеп жөніндегі уәкілдер» рөлі, алушылар — 120, жіберу уақыты — 21.11.2026, 10:00.",
    });
  });

  it("says a deadline change as the deadlines screen does", () => {
    expect(both(EXAMPLES[19] as AuditRecord)).toEqual({
      ru: "Изменён срок сдачи: ежемесячный отчёт — был 5-го числа, 18:00, стал 7-го числа, 12:00.",
      kk: "Тапсыру мерзімі өзгертілді: ай сайынғы есеп — бұрын айдың 5-күні, 18:00, енді айдың 7-күні, 12:00.",
    });
  });

  it("writes every example without ids, codes, JSON or missing words, in both languages", () => {
    for (const example of EXAMPLES) {
      for (const text of Object.values(both(example))) {
        expect(text, example.action).not.toMatch(/[{}[\]"]|undefined|null|NaN|body:|user:/);
        expect(text, example.action).not.toMatch(/\b(?:monthly|regional|manager|commissioner)\b/);
        expect(text, example.action).toMatch(/\.$|»\.$/);
      }
    }
  });

  it("has a sentence for every action the code records", () => {
    const recorded = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === "generated"
            ? []
            : walk(join(dir, e.name))
          : e.name.endsWith(".ts")
            ? [join(dir, e.name)]
            : [],
      );
    for (const file of walk(join(import.meta.dirname, "../../../src"))) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("audit.record")) continue;
      // Every action literal of an audit record, "a ? b : c" choices too.
      for (const m of text.matchAll(/action: ([^,\n]+),/g)) {
        // A compared value ("accepted") is not an action: actions are "area.verb", or "export".
        for (const literal of (m[1] ?? "").matchAll(/"([a-z]+\.[a-zA-Z]+|export)"/g)) {
          recorded.add(literal[1] as string);
        }
      }
    }
    expect(recorded.size).toBeGreaterThan(15);
    expect([...recorded].filter((action) => !DESCRIBED_ACTIONS.includes(action))).toEqual([]);
    expect(DESCRIBED_ACTIONS.filter((a) => !EXAMPLES.some((e) => e.action === a))).toEqual([]);
  });

  it("falls back to a readable line for an action it does not know, never JSON", () => {
    const unknown = entry("survey.sent", "survey:3", { to: { role: "manager" }, count: 4 });
    expect(both(unknown)).toEqual({
      ru: "Действие «survey.sent» (survey:3): to.role: manager; count: 4.",
      kk: "«survey.sent» әрекеті (survey:3): to.role: manager; count: 4.",
    });
    expect(both(entry("odd", null)).ru).toBe("Действие «odd» (—).");
  });

  it("names a body or person it cannot find by number, not by a raw reference", () => {
    const gone = entry("body.deactivated", "body:99", { code: "GONE" });
    expect(both(gone).ru).toBe("Орган отключён (выбывает из рейтинга и приглашений): орган № 99.");
  });

  it("puts when and who on the first line, the system for jobs", () => {
    const line = describeAuditEntry({ ...(EXAMPLES[8] as AuditRecord), actorUserId: null }, names, {
      lang: "ru",
      zone: ZONE,
    });
    expect(line).toBe(
      "20.11.2026, 17:00 · система\nДобавлен орган: Акимат CITY (местный исполнительный орган).",
    );
  });

  it("collects the people and bodies the entries refer to", () => {
    const refs = auditReferences(EXAMPLES);
    expect([...refs.userIds].sort()).toEqual([1, 2]);
    expect([...refs.bodyIds].sort()).toEqual([4, 5]);
    expect([...refs.bodyCodes].sort()).toEqual(["CITY"]);
  });

  it("flattens nested details into dotted names", () => {
    expect(flatten({ a: { b: 1 }, c: ["x", "y"], d: null, e: [{ f: true }] })).toEqual([
      ["a.b", "1"],
      ["c", "x, y"],
      ["e.1.f", "true"],
    ]);
  });
});
