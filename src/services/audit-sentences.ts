import type { AuditRecord } from "../db/repositories/audit.ts";
import { formatDateTime, formatPeriodLabel } from "../domain/calendar/format.ts";
import { isPeriodKey } from "../domain/periods.ts";
import { truncateGraphemes } from "../domain/text/graphemes.ts";
import { type Lang, translator } from "../i18n.ts";
import { dataKey } from "../i18n-keys.ts";

/** A body as the log names it. */
export interface NamedBody {
  code: string;
  nameKk: string;
  nameRu: string;
}

/** The people and bodies the log's entries refer to by id or code, looked up beforehand. */
export interface AuditNames {
  users: ReadonlyMap<number, string>;
  bodies: ReadonlyMap<number, NamedBody>;
  bodiesByCode: ReadonlyMap<string, NamedBody>;
}

/** What an entry refers to: the ids and codes to look up before it can be said in words. */
export interface AuditReferences {
  userIds: Set<number>;
  bodyIds: Set<number>;
  bodyCodes: Set<string>;
}

type Details = Record<string, unknown>;
type T = ReturnType<typeof translator>;

const REPORT_KINDS = new Set(["monthly", "quarterly", "annual"]);
const ROLES = new Set(["commissioner", "officer", "manager", "admin"]);
const LONGEST_COMMENT = 300;
const LONGEST_GENERIC = 400;

function detailsOf(entry: AuditRecord): Details {
  const { details } = entry;
  return details !== null && typeof details === "object" && !Array.isArray(details)
    ? (details as Details)
    : {};
}

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined;
const int = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) ? value : undefined;

/** "body:4" → 4 when the target names that kind of thing. */
function targetId(target: string | null, prefix: string): number | undefined {
  const match = target ? new RegExp(`^${prefix}:(\\d+)$`).exec(target) : null;
  return match ? Number(match[1]) : undefined;
}

/** "monthly:3:2026-10" (a report of a body for a period), as report.submitted names it. */
function reportTarget(
  target: string | null,
): { kind: string; bodyId: number; periodKey: string } | undefined {
  const match = target ? /^(monthly|quarterly|annual):(\d+):(.+)$/.exec(target) : null;
  if (!match) return undefined;
  return { kind: match[1] as string, bodyId: Number(match[2]), periodKey: match[3] as string };
}

/** The ids and codes the entries mention (actors, targets, details), to look up in one go. */
export function auditReferences(entries: readonly AuditRecord[]): AuditReferences {
  const refs: AuditReferences = { userIds: new Set(), bodyIds: new Set(), bodyCodes: new Set() };
  for (const entry of entries) {
    const details = detailsOf(entry);
    if (entry.actorUserId !== null) refs.userIds.add(entry.actorUserId);
    const user = targetId(entry.target, "user");
    if (user !== undefined) refs.userIds.add(user);
    const body = targetId(entry.target, "body") ?? reportTarget(entry.target)?.bodyId;
    if (body !== undefined) refs.bodyIds.add(body);
    for (const id of [details.fromBodyId, details.bodyId]) {
      if (int(id) !== undefined) refs.bodyIds.add(id as number);
    }
    for (const code of [details.body, details.code]) {
      if (str(code)) refs.bodyCodes.add(code as string);
    }
  }
  return refs;
}

/** One log entry in words: when and who on the first line, what happened on the second. */
export function describeAuditEntry(
  entry: AuditRecord,
  names: AuditNames,
  options: { lang: Lang; zone: string },
): string {
  const t = translator(options.lang);
  const actor =
    entry.actorUserId === null
      ? t("audit:system")
      : (names.users.get(entry.actorUserId) ??
        t("audit:unknownUser", { id: String(entry.actorUserId) }));
  const head = `${formatDateTime(entry.at, options.zone)} · ${actor}`;
  return `${head}\n${auditSentence(entry, names, options)}`;
}

/** What happened, as a sentence in the language; an action the log does not know gets a generic one. */
export function auditSentence(
  entry: AuditRecord,
  names: AuditNames,
  options: { lang: Lang; zone: string },
): string {
  const { lang, zone } = options;
  const t = translator(lang);
  const say = SENTENCES[entry.action];
  const said = say ? say({ entry, details: detailsOf(entry), names, lang, zone, t }) : undefined;
  return said ?? genericSentence(entry, t);
}

interface Said {
  entry: AuditRecord;
  details: Details;
  names: AuditNames;
  lang: Lang;
  zone: string;
  t: T;
}

type Sentence = (said: Said) => string | undefined;

function bodyLabel(body: NamedBody | undefined, lang: Lang): string | undefined {
  if (!body) return undefined;
  return lang === "kk" ? body.nameKk : body.nameRu;
}

function bodyById(said: Said, id: number | undefined): string {
  if (id === undefined) return said.t("audit:unknownBody", { id: "?" });
  return bodyLabel(said.names.bodies.get(id), said.lang) ?? said.t("audit:unknownBody", { id });
}

function bodyByCode(said: Said, code: string | undefined): string {
  if (!code) return said.t("audit:unknownBody", { id: "?" });
  return bodyLabel(said.names.bodiesByCode.get(code), said.lang) ?? code;
}

function userById(said: Said, id: number | undefined): string {
  const name = id === undefined ? undefined : said.names.users.get(id);
  return name ?? said.t("audit:unknownUser", { id: id === undefined ? "?" : String(id) });
}

function roleLabel(t: T, role: unknown): string {
  return typeof role === "string" && ROLES.has(role)
    ? t(dataKey(`admin:roles.${role}`))
    : String(role);
}

function reportLabel(t: T, kind: unknown): string {
  return typeof kind === "string" && REPORT_KINDS.has(kind)
    ? t(dataKey(`notifications:report.${kind}`))
    : t("audit:aReport");
}

function periodLabel(said: Said, periodKey: unknown): string {
  return typeof periodKey === "string" && isPeriodKey(periodKey)
    ? formatPeriodLabel(periodKey, said.lang)
    : String(periodKey ?? "?");
}

function versionPart(t: T, version: unknown): string {
  const n = int(version);
  return n === undefined ? "" : t("audit:versionPart", { number: n });
}

function reviewSentence(key: "review_accept" | "review_return"): Sentence {
  return (said) => {
    const { details, t } = said;
    const comment = str(details.comment);
    return t(`audit:actions.${key}`, {
      report: reportLabel(t, details.kind),
      body: bodyByCode(said, str(details.body)),
      period: periodLabel(said, details.period),
      version: versionPart(t, details.version),
      comment: comment ? truncateGraphemes(comment, LONGEST_COMMENT) : "",
    });
  };
}

function activeSentence(key: string, of: "user" | "body"): Sentence {
  return (said) => {
    const { entry, details, t } = said;
    const name =
      of === "user"
        ? (str(details.name) ?? userById(said, targetId(entry.target, "user")))
        : bodyById(said, targetId(entry.target, "body"));
    return t(dataKey(`audit:actions.${key}`), { name });
  };
}

/** "5 18:00" as the deadlines screen writes a rule: "5-го числа, 18:00". */
function deadlineLabel(t: T, value: unknown): string {
  const text = str(value);
  const match = text ? /^(\d{1,2}) (\d{2}:\d{2})$/.exec(text) : null;
  if (!match) return text ?? t("audit:notSet");
  return t("audit:deadlineAt", { day: Number(match[1]), time: match[2] });
}

function exportWhat(said: Said): string {
  const { details, t } = said;
  switch (details.kind) {
    case "monthly":
      return t("audit:exportWhat.monthly");
    case "reporting":
      return t("audit:exportWhat.reporting");
    case "scores":
      return t("audit:exportWhat.scores", { body: bodyById(said, int(details.bodyId)) });
    case "leaderboard":
      return details.bodyKind === "central" || details.bodyKind === "regional"
        ? t("audit:exportWhat.leaderboardOf", { kind: t(`manager:kinds.${details.bodyKind}`) })
        : t("audit:exportWhat.leaderboard");
    default:
      return t("audit:exportWhat.other");
  }
}

function audienceLabel(t: T, audience: unknown, lang: Lang): string {
  const a = (audience ?? {}) as Details;
  switch (a.type) {
    case "all":
      return t("broadcast:describe.all");
    case "role":
      return t("broadcast:describe.role", {
        role: t(dataKey(`broadcast:roles.${String(a.role)}`)),
      });
    case "kind":
      return t("broadcast:describe.kind", {
        kind: t(dataKey(`broadcast:kinds.${String(a.kind)}`)),
      });
    case "region":
      return t("broadcast:describe.region", { region: String(a.region) });
    case "notSubmitted":
      return t("broadcast:describe.notSubmitted", {
        report: reportLabel(t, a.kind),
        period: typeof a.periodKey === "string" ? formatPeriodLabel(a.periodKey, lang) : "?",
      });
    default:
      return t("audit:someone");
  }
}

// One sentence per action the code records (grep `audit.record`); keys match admin's action names.
const SENTENCES: Readonly<Record<string, Sentence>> = {
  "review.accept": reviewSentence("review_accept"),
  "review.return": reviewSentence("review_return"),
  "report.submitted": (said) => {
    const { entry, details, t } = said;
    const report = reportTarget(entry.target);
    if (!report) return undefined;
    return t("audit:actions.report_submitted", {
      report: reportLabel(t, report.kind),
      body: bodyById(said, report.bodyId),
      period: periodLabel(said, report.periodKey),
      version: versionPart(t, details.version),
      late: details.late === true ? t("audit:latePart") : "",
    });
  },
  "user.role": (said) => {
    const { entry, details, t } = said;
    return t("audit:actions.user_role", {
      name: str(details.name) ?? userById(said, targetId(entry.target, "user")),
      from: roleLabel(t, details.from),
      to: roleLabel(t, details.to),
    });
  },
  "user.activated": activeSentence("user_activated", "user"),
  "user.deactivated": activeSentence("user_deactivated", "user"),
  "body.activated": activeSentence("body_activated", "body"),
  "body.deactivated": activeSentence("body_deactivated", "body"),
  "body.added": (said) => {
    const { entry, details, t } = said;
    const kind = details.kind === "central" || details.kind === "regional" ? details.kind : null;
    return t(kind ? "audit:actions.body_added" : "audit:actions.body_addedNoKind", {
      name: bodyById(said, targetId(entry.target, "body")),
      kind: kind ? t(`audit:bodyKinds.${kind}`) : "",
    });
  },
  "owner.claimed": (said) =>
    said.t("audit:actions.owner_claimed", {
      name: userById(said, targetId(said.entry.target, "user") ?? said.entry.actorUserId ?? -1),
    }),
  "admin.admitted": (said) =>
    said.t("audit:actions.admin_admitted", {
      name: userById(said, targetId(said.entry.target, "user") ?? said.entry.actorUserId ?? -1),
    }),
  "invite.created": (said) => {
    const { entry, details, t } = said;
    const days = int(details.days);
    const uses = int(details.maxUses);
    return t("audit:actions.invite_created", {
      number: int(details.inviteId) ?? "?",
      body: bodyById(said, targetId(entry.target, "body")),
      role: roleLabel(t, details.role),
      uses: uses ?? "?",
      days: days === undefined ? "?" : t("audit:days", { count: days }),
    });
  },
  "invite.revoked": (said) =>
    said.t("audit:actions.invite_revoked", {
      number: int(said.details.inviteId) ?? "?",
      body: bodyById(said, targetId(said.entry.target, "body")),
    }),
  "invite.redeemed": (said) => {
    const { entry, details, t } = said;
    const params = {
      number: int(details.inviteId) ?? "?",
      body: bodyById(said, targetId(entry.target, "body")),
      role: roleLabel(t, details.role),
    };
    if (details.fromRole === undefined) return t("audit:actions.invite_redeemed", params);
    const fromBody = int(details.fromBodyId);
    return t("audit:actions.invite_redeemedChanged", {
      ...params,
      fromRole: roleLabel(t, details.fromRole),
      fromBody: fromBody === undefined ? t("audit:noBody") : bodyById(said, fromBody),
    });
  },
  "directory.import": (said) => {
    const { entry, details, t } = said;
    const n = (key: string) => int(details[key]) ?? 0;
    return t("audit:actions.directory_import", {
      file: entry.target ?? "?",
      rows: n("rows"),
      bodiesCreated: n("bodiesCreated"),
      bodiesUpdated: n("bodiesUpdated"),
      membersCreated: n("membersCreated"),
      membersUpdated: n("membersUpdated"),
      peopleCreated: n("peopleCreated"),
      peopleUpdated: n("peopleUpdated"),
    });
  },
  "directory.importRefused": (said) =>
    said.t("audit:actions.directory_importRefused", {
      file: said.entry.target ?? "?",
      problems: int(said.details.problems) ?? 0,
    }),
  export: (said) => {
    const { details, t } = said;
    const format = details.format === "csv" ? "CSV" : "Excel";
    return t("audit:actions.export", {
      what: exportWhat(said),
      period: periodLabel(said, details.periodKey),
      format,
    });
  },
  "broadcast.create": (said) => {
    const { entry, details, t, lang, zone } = said;
    const notBefore = str(details.notBefore);
    const at = notBefore ? new Date(notBefore) : undefined;
    return t(
      at && !Number.isNaN(at.getTime())
        ? "audit:actions.broadcast_createScheduled"
        : "audit:actions.broadcast_create",
      {
        number: entry.id,
        audience: audienceLabel(t, details.audience, lang),
        recipients: int(details.recipients) ?? 0,
        at: at ? formatDateTime(at, zone) : "",
      },
    );
  },
  "broadcast.cancel": (said) =>
    said.t("audit:actions.broadcast_cancel", {
      number: targetId(said.entry.target, "broadcast") ?? "?",
      cancelled: int(said.details.cancelled) ?? 0,
    }),
  "deadline.set": (said) => {
    const { entry, details, t } = said;
    const kind = entry.target?.replace(/^deadline:/, "");
    return t("audit:actions.deadline_set", {
      report: reportLabel(t, kind),
      before: deadlineLabel(t, details.before),
      after: deadlineLabel(t, details.after),
    });
  },
  "methodology.activate": (said) => {
    const { details, t } = said;
    return t("audit:actions.methodology_activate", {
      version: str(details.version) ?? "?",
      period: periodLabel(said, details.appliesFrom),
      replaces: str(details.replaces) ?? "?",
      file: str(details.file) ?? "?",
    });
  },
};

/** The actions that have a sentence of their own (the rest get the generic one). */
export const DESCRIBED_ACTIONS: readonly string[] = Object.keys(SENTENCES);

/** An action without a sentence: its name and its details as "name: value" pairs, never JSON. */
function genericSentence(entry: AuditRecord, t: T): string {
  const pairs = flatten(entry.details).map(([key, value]) => `${key}: ${value}`);
  const text = t(pairs.length > 0 ? "audit:generic" : "audit:genericBare", {
    action: entry.action,
    target: entry.target ?? "—",
    details: pairs.join("; "),
  });
  return truncateGraphemes(text, LONGEST_GENERIC);
}

/** Nested details as dotted names and plain values: { a: { b: 1 }, c: [x, y] } → a.b: 1, c: x, y. */
export function flatten(value: unknown, prefix = ""): [string, string][] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) {
      return value.length === 0 ? [] : [[prefix || "—", value.map(String).join(", ")]];
    }
    return value.flatMap((v, i) => flatten(v, prefix ? `${prefix}.${i + 1}` : String(i + 1)));
  }
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix || "—", String(value)]];
}
