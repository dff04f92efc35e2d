import { Composer, InputFile } from "grammy";
import { importDirectory } from "../../services/directory-import.ts";
import { buildDirectoryTemplate } from "../../services/directory-template.ts";
import { describeProblems, describeSummary } from "../../services/import-messages.ts";
import { readTableFile } from "../../services/table-file.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { clip } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
const MAX_FILE_BYTES = 5 * 1024 * 1024;

// "/import" alone sends the template and waits for the file; a file captioned /import imports at once.
composer.command("import", admins, (ctx) => sendTemplate(ctx));
onMenuButton(composer, "import", async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendTemplate(ctx);
});

async function sendTemplate(ctx: BotContext) {
  ctx.session.awaitingImport = true;
  await ctx.replyWithDocument(
    new InputFile(await buildDirectoryTemplate(ctx.lang), ctx.t("admin:import.template.fileName")),
    { caption: ctx.t("admin:import.template.caption") },
  );
}

composer.on("message:document", async (ctx, next) => {
  const captioned = /^\/import(@\w+)?\b/.test(ctx.message.caption ?? "");
  if (!captioned && !ctx.session.awaitingImport) return next();
  if (!captioned && ctx.user?.role !== "admin") return next();
  return admins(ctx, async () => {
    ctx.session.awaitingImport = undefined;
    await importDocument(ctx);
  });
});

async function importDocument(ctx: BotContext) {
  const document = ctx.message?.document;
  if (!document) return;
  const fileName = document.file_name ?? "directory";
  if ((document.file_size ?? 0) > MAX_FILE_BYTES) {
    await ctx.reply(ctx.t("admin:import.tooLarge"));
    return;
  }
  const file = await ctx.api.getFile(document.file_id);
  const response = await fetch(
    `${ctx.config.apiRoot}/file/bot${ctx.config.botToken}/${file.file_path}`,
  );
  if (!response.ok) throw new Error(`Telegram answered ${response.status} for the file`);
  const table = await readTableFile(Buffer.from(await response.arrayBuffer()), fileName);
  if (!table.ok) {
    await ctx.reply(ctx.t(`admin:import.file.${table.reason}`));
    return;
  }
  const result = await importDirectory(ctx.repos, table.rows, {
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
    source: fileName,
  });
  if (!result.ok) await ctx.reply(clip(describeProblems(ctx.t, result.problems)));
  else await ctx.reply(describeSummary(ctx.t, result.summary));
}

/** /import: the directory template, and imports of bodies, members and people from CSV or Excel. */
export const importFeature = composer;
