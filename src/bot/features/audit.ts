import { Composer, InlineKeyboard } from "grammy";
import { loadAuditPage } from "../../services/audit-log.ts";
import { describeAuditEntry } from "../../services/audit-sentences.ts";
import { featureCodec, field } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
// Entries a phone shows at once (each is a sentence or two).
const PAGE = 7;
// au:<the entry before which the page starts>, "au:" for the latest entries.
const buttons = featureCodec("au", { "": [field.maybe(field.id, "")] });

composer.command("audit", admins, (ctx) => showPage(ctx, undefined));
onMenuButton(composer, "audit", (ctx) => showPage(ctx, undefined, true));
buttons.on(composer, "", admins, (ctx, [before]) => showPage(ctx, before ?? undefined));

async function showPage(ctx: BotContext, before: number | undefined, fresh = false) {
  const page = await loadAuditPage(ctx.repos, { before, size: PAGE });
  const lines = [ctx.t("audit:title")];
  if (page.entries.length === 0) lines.push("", ctx.t("audit:empty"));
  const options = { lang: ctx.lang, zone: ctx.config.timeZone };
  for (const entry of page.entries) {
    lines.push("", describeAuditEntry(entry, page.names, options));
  }
  const keyboard = new InlineKeyboard();
  if (before !== undefined) keyboard.text(ctx.t("audit:latest"), buttons.data("", null));
  const last = page.entries.at(-1);
  if (page.hasOlder && last) keyboard.text(ctx.t("audit:older"), buttons.data("", last.id));
  await show(ctx, lines.join("\n"), keyboard, { fresh });
}

/** /audit: who did what and when, in words, latest first, ten entries a page. */
export const auditFeature = composer;
