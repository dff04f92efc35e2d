import type { Repositories } from "../db/index.ts";
import type { DirectoryRow } from "../db/repositories/directory.ts";
import {
  type DirectoryPlan,
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportProblem,
  type PersonRow,
  parseDirectoryTable,
} from "./directory-file.ts";
import type { TextEncoding, TextTable } from "./table-file.ts";

export * from "./directory-file.ts";

export interface ImportSummary {
  rows: number;
  bodiesCreated: number;
  bodiesUpdated: number;
  membersCreated: number;
  membersUpdated: number;
  peopleCreated: number;
  peopleUpdated: number;
}

export type ImportResult =
  | {
      ok: true;
      summary: ImportSummary;
      /** People whose role, body or access the file changed: their command menus follow. */
      movedTelegramIds: number[];
    }
  | { ok: false; problems: ImportProblem[] };

/** Checks a plan against the stored directory: every named body and parent exists, no parent cycles. */
export async function checkPlan(
  repos: Repositories,
  plan: DirectoryPlan,
): Promise<ImportProblem[]> {
  const stored = await repos.directory.listBodies({ includeInactive: true });
  const storedById = new Map(stored.map((b) => [b.id, b]));
  const parentOf = new Map<string, string | null>();
  for (const body of stored) {
    parentOf.set(
      body.code,
      body.parentId === null ? null : (storedById.get(body.parentId)?.code ?? null),
    );
  }
  for (const body of plan.bodies) parentOf.set(body.code, body.parentCode ?? null);
  // A body row with problems of its own is still a body the file names.
  for (const code of plan.faultyBodyCodes ?? []) if (!parentOf.has(code)) parentOf.set(code, null);
  const problems: ImportProblem[] = [];
  const at = (row: number, column: ImportColumn) => {
    const letter = plan.letters?.[column];
    return letter ? { row, column, cell: `${letter}${row}` } : { row, column };
  };
  for (const body of plan.bodies) {
    if (body.parentCode && !parentOf.has(body.parentCode)) {
      problems.push({
        ...at(body.row, "parent_code"),
        code: "unknownParent",
        value: body.parentCode,
      });
    } else if (inCycle(body.code, parentOf)) {
      problems.push({
        ...at(body.row, "parent_code"),
        code: "parentCycle",
        value: body.parentCode ?? "",
      });
    }
  }
  for (const item of [...plan.members, ...plan.people]) {
    if (item.bodyCode && !parentOf.has(item.bodyCode)) {
      problems.push({ ...at(item.row, "body_code"), code: "unknownBody", value: item.bodyCode });
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

function inCycle(code: string, parentOf: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  let current: string | null | undefined = code;
  while (current) {
    if (seen.has(current)) return current === code;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

/**
 * Imports a directory table all or nothing: every row is checked first, against the file and the
 * stored directory at once, and any problem stops the import before anything is written (all of
 * them are told in one answer); bodies and members are then written in one transaction. Unchanged
 * rows are not written, so importing the same file again changes nothing.
 */
export async function importDirectory(
  repos: Repositories,
  table: TextTable,
  options: { actorUserId: number | null; now: Date; source: string; encoding?: TextEncoding },
): Promise<ImportResult> {
  const parsed = parseDirectoryTable(table, { encoding: options.encoding });
  const problems = inFileOrder([
    ...(parsed.ok ? [] : parsed.problems),
    ...(await checkPlan(repos, parsed.plan)),
  ]);
  if (problems.length > 0) {
    // A refused file changed nothing, but who tried what is still worth knowing.
    await repos.audit.record({
      actorUserId: options.actorUserId,
      action: "directory.importRefused",
      target: options.source,
      details: { problems: problems.length },
      at: options.now,
    });
    return { ok: false, problems };
  }
  const { plan } = parsed;

  const rows = await directoryRowsOf(repos, plan);
  const directory = await repos.directory.upsertDirectory(rows);
  const { movedTelegramIds, ...people } = await upsertPeople(repos, plan.people);
  const summary: ImportSummary = {
    rows: plan.bodies.length + plan.members.length + plan.people.length,
    ...directory,
    ...people,
  };
  await repos.audit.record({
    actorUserId: options.actorUserId,
    action: "directory.import",
    target: options.source,
    details: { ...summary },
    at: options.now,
  });
  return { ok: true, summary, movedTelegramIds };
}

/** By row, then by the column's place in the template. */
function inFileOrder(problems: ImportProblem[]): ImportProblem[] {
  const place = (p: ImportProblem) => (p.column ? IMPORT_COLUMNS.indexOf(p.column) : -1);
  return problems.sort((a, b) => a.row - b.row || place(a) - place(b));
}

/** The plan as upsertDirectory rows; members of bodies not in the file ride on the stored body. */
async function directoryRowsOf(repos: Repositories, plan: DirectoryPlan): Promise<DirectoryRow[]> {
  const rows = new Map<string, DirectoryRow>();
  for (const { row: _, ...body } of plan.bodies) rows.set(body.code, { ...body, members: [] });
  for (const member of plan.members) {
    let target = rows.get(member.bodyCode);
    if (!target) {
      const body = await repos.directory.getBodyByCode(member.bodyCode);
      if (!body) continue;
      const parent =
        body.parentId === null ? undefined : await repos.directory.getBody(body.parentId);
      target = { ...body, parentCode: parent?.code ?? null, members: [] };
      rows.set(body.code, target);
    }
    target.members?.push({
      kind: member.kind,
      code: member.code,
      nameKk: member.nameKk,
      nameRu: member.nameRu,
      active: member.active,
    });
  }
  return [...rows.values()];
}

async function upsertPeople(
  repos: Repositories,
  people: readonly PersonRow[],
): Promise<{ peopleCreated: number; peopleUpdated: number; movedTelegramIds: number[] }> {
  let peopleCreated = 0;
  let peopleUpdated = 0;
  const movedTelegramIds: number[] = [];
  for (const person of people) {
    const bodyId = person.bodyCode
      ? ((await repos.directory.getBodyByCode(person.bodyCode))?.id ?? null)
      : null;
    const existing = await repos.users.getUserByTelegramId(person.telegramId);
    if (!existing) {
      const created = await repos.users.createUser({
        telegramId: person.telegramId,
        name: person.name,
        language: person.language,
        role: person.role,
        bodyId,
        active: person.active,
      });
      if (!created.ok) throw new Error(`Person on row ${person.row}: ${created.reason}`);
      peopleCreated++;
      continue;
    }
    let changed = false;
    if (existing.name !== person.name)
      changed = Boolean(await repos.users.setName(existing.id, person.name));
    if (existing.role !== person.role || existing.bodyId !== bodyId) {
      changed = Boolean(await repos.users.setRole(existing.id, person.role, bodyId)) || changed;
      movedTelegramIds.push(person.telegramId);
    }
    if (existing.language !== person.language) {
      changed = Boolean(await repos.users.setLanguage(existing.id, person.language)) || changed;
    }
    if (existing.active !== person.active) {
      changed = Boolean(await repos.users.setActive(existing.id, person.active)) || changed;
      if (!movedTelegramIds.includes(person.telegramId)) movedTelegramIds.push(person.telegramId);
    }
    if (changed) peopleUpdated++;
  }
  return { peopleCreated, peopleUpdated, movedTelegramIds };
}
