import type { Repositories } from "../db/index.ts";
import type { BodyKind, BodyRecord } from "../db/repositories/directory.ts";

/** A body's external code: letters, digits, dot, dash and underscore, as import files use them. */
export const BODY_CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;

export interface AddBodyRequest {
  kind: BodyKind;
  nameKk: string;
  nameRu: string;
  /** Omitted: the next free "B001", "B002", … */
  code?: string;
  region?: string | null;
  actorUserId: number | null;
  now: Date;
}

export type AddBodyOutcome =
  | { ok: true; body: BodyRecord }
  | { ok: false; reason: "codeTaken" | "badCode" | "badName" };

/** Adds a body (one at a time, from the bot or the command line) and records who added it. */
export async function addBody(
  repos: Repositories,
  request: AddBodyRequest,
): Promise<AddBodyOutcome> {
  const nameKk = request.nameKk.trim();
  const nameRu = request.nameRu.trim();
  if (!nameKk || !nameRu || nameKk.length > 300 || nameRu.length > 300) {
    return { ok: false, reason: "badName" };
  }
  if (request.code !== undefined && !BODY_CODE_PATTERN.test(request.code)) {
    return { ok: false, reason: "badCode" };
  }
  const fields = { kind: request.kind, nameKk, nameRu, region: request.region?.trim() || null };
  let next = (await repos.directory.listBodies({ includeInactive: true })).length + 1;
  for (;;) {
    const code = request.code ?? `B${String(next++).padStart(3, "0")}`;
    const created = await repos.directory.createBody({ code, ...fields });
    // Auto codes skip over ones an import already took; a typed code is the admin's to change.
    if (!created.ok && created.reason === "codeTaken" && request.code === undefined) continue;
    // Without a parent, a taken code is the only way creation fails.
    if (!created.ok) return { ok: false, reason: "codeTaken" };
    await repos.audit.record({
      actorUserId: request.actorUserId,
      action: "body.added",
      target: `body:${created.body.id}`,
      details: { code: created.body.code, kind: created.body.kind },
      at: request.now,
    });
    return created;
  }
}
