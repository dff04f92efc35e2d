// Shared seeds for the manager and admin service tests and end-to-end tests.

import type { Repositories, SubmitInput } from "../../../src/db/repositories/index.ts";
import { JOINED_LONG_AGO } from "../../support/seed.ts";

/** A month's report of the ethics commissioner: 3 explanatory events, 1 preventive talk, 1 propaganda event. */
export function monthlyReport(
  bodyId: number,
  authorUserId: number,
  periodKey: string,
  options: { at: Date; late?: boolean; explanatory?: number; views?: number } = { at: new Date() },
): SubmitInput {
  const explanatory = options.explanatory ?? 3;
  const [year, month] = periodKey.split("-");
  const day = (d: number) => `${year}-${month}-${String(d).padStart(2, "0")}`;
  const views = options.views ?? 1500;
  return {
    bodyId,
    kind: "monthly",
    periodKey,
    authorUserId,
    late: options.late ?? false,
    at: options.at,
    values: {
      "p4.t2.s3": explanatory,
      "p4.t2.s4": 1,
      "p4.t3.s1": { events: 1, published: true, views },
    },
    events: [
      ...Array.from({ length: explanatory }, (_, i) => ({
        kind: "explanatory" as const,
        date: day(i + 2),
        topic: `Конфликт интересов ${i + 1}`,
        participants: 20 + i,
      })),
      {
        kind: "preventive",
        date: day(12),
        topic: "Беседа",
        participants: 0,
        position: "Главный специалист",
      },
      {
        kind: "propaganda",
        date: day(20),
        topic: "Адалдық — жол",
        participants: 150,
        audience: "Молодёжь",
        link: "https://t.me/adaldyq/1",
        views,
      },
    ],
    evidence: [
      {
        item: "event:1",
        type: "photo",
        telegramFileId: "photo-file-1",
        size: 1000,
        mime: "image/jpeg",
      },
      { item: `event:${explanatory + 2}`, type: "link", link: "https://instagram.com/p/1" },
    ],
  };
}

/** A regional tree: parent → child → grandchild, and an unrelated sibling; plus one central body. */
export async function seedBodies(repos: Repositories) {
  const make = async (
    code: string,
    kind: "central" | "regional",
    parentId: number | null = null,
  ) => {
    const result = await repos.directory.createBody({
      code,
      kind,
      nameKk: `${code} әкімдігі`,
      nameRu: `Акимат ${code}`,
      parentId,
      createdAt: JOINED_LONG_AGO,
    });
    if (!result.ok) throw new Error(result.reason);
    return result.body;
  };
  const parent = await make("OBL", "regional");
  const child = await make("CITY", "regional", parent.id);
  const grandchild = await make("DIST", "regional", child.id);
  const sibling = await make("OTHER", "regional");
  const ministry = await make("MIN", "central");
  return { parent, child, grandchild, sibling, ministry };
}

/** Adds a user or throws. */
export async function seedPerson(
  repos: Repositories,
  telegramId: number,
  role: "commissioner" | "officer" | "manager" | "admin",
  bodyId: number | null,
  language: "kk" | "ru" = "ru",
) {
  const result = await repos.users.createUser({
    telegramId,
    name: `Person ${telegramId}`,
    language,
    role,
    bodyId,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.user;
}

/** A CSV of `count` regional bodies under one parent (codes B001…), in the import's key header. */
export function bodiesCsv(
  count: number,
  edit: (row: string[], index: number) => string[] = (r) => r,
): string {
  const header = "type,code,parent_code,kind,name_kk,name_ru,region";
  const rows = [["body", "ROOT", "", "central", "Бас орган", "Головной орган", ""]];
  for (let i = 1; i < count; i++) {
    const code = `B${String(i).padStart(3, "0")}`;
    rows.push(
      edit(["body", code, "ROOT", "regional", `${code} органы`, `Орган ${code}`, "Алматы"], i),
    );
  }
  return [header, ...rows.map((row) => row.join(","))].join("\r\n");
}
