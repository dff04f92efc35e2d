import { Composer, InlineKeyboard } from "grammy";
import type { AuditRecord } from "../../db/repositories/audit.ts";
import { formatDateTime } from "../../domain/calendar/format.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
const PAGE = 10;

composer.command("audit", admins, (ctx) => showPage(ctx, undefined));
onMenuButton(composer, "audit", (ctx) => showPage(ctx, undefined, true));
composer.callbackQuery(/^au:(\d*)$/, admins, (ctx) =>
  showPage(ctx, ctx.match[1] ? Number(ctx.match[1]) : undefined),
);

async function showPage(ctx: BotContext, before: number | undefined, fresh = false) {
  // One more than shown tells whether an older page exists.
  const entries = await ctx.repos.audit.list({ before, limit: PAGE + 1 });
  const shown = entries.slice(0, PAGE);
  const names = new Map<number, string>();
  const lines = [ctx.t("admin:audit.title")];
  if (shown.length === 0) lines.push("", ctx.t("admin:audit.empty"));
  for (const entry of shown) {
    let actor = ctx.t("admin:audit.system");
    if (entry.actorUserId !== null) {
      if (!names.has(entry.actorUserId)) {
        names.set(
          entry.actorUserId,
          (await ctx.repos.users.getUser(entry.actorUserId))?.name ?? `#${entry.actorUserId}`,
        );
      }
      actor = names.get(entry.actorUserId) as string;
    }
    lines.push("", describeEntry(ctx, entry, actor));
  }
  const keyboard = new InlineKeyboard();
  if (before !== undefined) keyboard.text(ctx.t("admin:audit.latest"), "au:");
  const last = shown.at(-1);
  if (entries.length > PAGE && last) keyboard.text(ctx.t("admin:audit.older"), `au:${last.id}`);
  await show(ctx, lines.join("\n"), keyboard, { fresh });
}

function describeEntry(ctx: BotContext, entry: AuditRecord, actor: string): string {
  const action = ctx.t(`admin:audit.actions.${entry.action.replaceAll(".", "_")}`, {
    defaultValue: entry.action,
  });
  const details = describeDetails(entry.details);
  const head = `${formatDateTime(entry.at, ctx.config.timeZone)} · ${actor} · ${action}`;
  const target = entry.target ? ` · ${entry.target}` : "";
  return `${head}${target}${details ? `\n   ${truncateGraphemes(details, 200)}` : ""}`;
}

/** Details as "key: value, …" (nested values as JSON), shortest first to read. */
function describeDetails(details: AuditRecord["details"]): string {
  if (details === null) return "";
  if (typeof details !== "object" || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details)
    .filter(([, value]) => value !== null)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`,
    )
    .join(", ");
}

/** /audit: who did what and when, latest first, ten entries a page. */
export const auditFeature = composer;
