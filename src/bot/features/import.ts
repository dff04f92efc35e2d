import { Composer, InputFile } from "grammy";
import { type ImportProblem, importDirectory } from "../../services/directory-import.ts";
import { buildDirectoryTemplate } from "../../services/directory-template.ts";
import {
  describeFileRefusal,
  describeSummary,
  problemsFile,
  problemsMessage,
} from "../../services/import-messages.ts";
import { readTableFile } from "../../services/table-file.ts";
import { refreshMenuOf } from "../command-menu.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";

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

const TABLE_FILE = /\.(csv|txt|xlsx)$/i;
// Beyond this many, the rest of the people an import moved get their menus at their next update.
const MENUS_AT_ONCE = 100;

composer.on("message:document", async (ctx, next) => {
  const captioned = /^\/import(@\w+)?\b/.test(ctx.message.caption ?? "");
  const isAdmin = ctx.user?.role === "admin";
  if (!captioned && !ctx.session.awaitingImport) {
    // A table sent without /import is most likely a directory: say how to import it.
    if (isAdmin && TABLE_FILE.test(ctx.message.document.file_name ?? "")) {
      await ctx.reply(ctx.t("admin:import.hint"));
      return;
    }
    return next();
  }
  if (!captioned && !isAdmin) return next();
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
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_FILE_BYTES) {
    await ctx.reply(ctx.t("admin:import.tooLarge"));
    return;
  }
  // Read on a worker thread: the bot goes on answering everyone else meanwhile.
  ctx.logger.debug({ fileName, bytes: bytes.length }, "reading a table file");
  const table = await readTableFile(bytes, fileName);
  ctx.logger.debug({ fileName, ok: table.ok }, "table file read");
  if (!table.ok) {
    await ctx.reply(describeFileRefusal(ctx.t, table));
    return;
  }
  const result = await importDirectory(ctx.repos, table.rows, {
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
    source: fileName,
    encoding: table.encoding,
  });
  const readAs = table.encoding === "windows-1251" ? `\n${ctx.t("admin:import.readAs1251")}` : "";
  if (!result.ok) {
    const message = problemsMessage(ctx.t, result.problems, {
      maxLines: SHOWN_PROBLEMS,
      maxChars: MESSAGE_CHARS - readAs.length,
    });
    await ctx.reply(`${message.text}${readAs}`);
    if (message.shown < result.problems.length) {
      await sendProblemsFile(ctx, fileName, result.problems);
    }
    return;
  }
  await ctx.reply(`${describeSummary(ctx.t, result.summary)}${readAs}`);
  for (const telegramId of result.movedTelegramIds.slice(0, MENUS_AT_ONCE)) {
    const person = await ctx.repos.users.getUserByTelegramId(telegramId);
    if (person) await refreshMenuOf(ctx, person);
  }
}

const SHOWN_PROBLEMS = 40;
// What a phone shows at once (a Telegram message could hold 4,096); the rest go in the file.
const MESSAGE_CHARS = 1000;

/** Every problem of the file, as a CSV, when the message shows only the first ones. */
async function sendProblemsFile(ctx: BotContext, fileName: string, problems: ImportProblem[]) {
  await ctx.replyWithDocument(
    new InputFile(problemsFile(ctx.t, problems), ctx.t("admin:import.errorsFile.name")),
    {
      caption: ctx.t("admin:import.errorsFile.caption", { file: fileName, count: problems.length }),
    },
  );
}

/** /import: the directory template, and imports of bodies, members and people from CSV or Excel. */
export const importFeature = composer;
