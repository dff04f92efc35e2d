import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { formatPeriodLabel } from "../../domain/calendar/format.ts";
import { describeDiff } from "../../domain/methodology/describe-diff.ts";
import { isEmptyDiff } from "../../domain/methodology/diff.ts";
import { describeMethodologyProblem } from "../../domain/methodology/read-version.ts";
import type { Lang } from "../../i18n.ts";
import type { KeysUnder } from "../../i18n-keys.ts";
import { byDataKeys, dataKey } from "../../i18n-keys.ts";
import {
  activateUpload,
  checkUpload,
  MAX_METHODOLOGY_BYTES,
  type UploadCheck,
} from "../../services/methodology-upload.ts";
import type { BotContext, ConversationContext, Translate } from "../context.ts";

/** The id to enter it with: ctx.conversation.enter(METHODOLOGY_UPLOAD_CONVERSATION). */
export const METHODOLOGY_UPLOAD_CONVERSATION = "methodologyUpload";

type Talk = Conversation<BotContext, ConversationContext>;

// Telegram's limit is 4096 characters a message; a long difference goes in several.
const MESSAGE_LIMIT = 3800;

/** A document sent in answer, as far as the conversation needs it. */
interface SentFile {
  fileId: string;
  fileName: string;
  size: number;
}

/** What a checked file comes to, in plain data (conversation replays keep it). */
type Checked =
  | { ok: true; lines: string[]; id: string; appliesFrom: string; replaces: string; same: boolean }
  | { ok: false; lines: string[] };

/** Splits lines into messages that fit Telegram's limit. */
function messagesOf(lines: readonly string[]): string[] {
  const messages: string[] = [];
  let current = "";
  for (const line of lines) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length > MESSAGE_LIMIT && current !== "") {
      messages.push(current);
      current = line.slice(0, MESSAGE_LIMIT);
    } else current = next.slice(0, MESSAGE_LIMIT);
  }
  if (current !== "") messages.push(current);
  return messages;
}

/** A check's outcome in the admin's language: the refusal with one line per problem, or the difference. */
export function checkedLines(check: UploadCheck, t: Translate, lang: Lang): Checked {
  const say = (key: KeysUnder<"methodology", "upload.">, params?: Record<string, unknown>) =>
    t(`methodology:upload.${key}`, params);
  if (!check.ok) {
    if (check.reason === "invalid") {
      const problems = check.problems.map(
        (p) => `• ${describeMethodologyProblem(p, byDataKeys(t))}`,
      );
      return { ok: false, lines: [say("invalid", { count: check.problems.length }), ...problems] };
    }
    if (check.reason === "duplicateId") return { ok: false, lines: [say("duplicateId", check)] };
    const periods = check.periods.map((key) => formatPeriodLabel(key, lang)).join(", ");
    return { ok: false, lines: [say("rescores", { id: check.id, periods })] };
  }
  const { version, replaces, diff } = check;
  return {
    ok: true,
    lines: describeDiff(diff, byDataKeys(t), lang),
    id: version.id,
    appliesFrom: version.appliesFrom,
    replaces: replaces.id,
    same: isEmptyDiff(diff),
  };
}

/** Whether the person is still an active admin: asked again before every step that acts. */
async function stillAdmin(conversation: Talk, telegramId: number): Promise<boolean> {
  return conversation.external(async (o) => {
    const user = await o.repos.users.getUserByTelegramId(telegramId);
    return user?.active === true && user.role === "admin";
  });
}

/**
 * Waits for the starter's next step: a document, or a button of this conversation. Someone else's
 * update is left to other features; cancel or a command ends the conversation.
 */
async function nextStep(
  conversation: Talk,
  ctx: ConversationContext,
  starter: number,
  /** What a text in between gets told: send the file, or press a button. */
  remind: "sendFile" | "pressButton",
): Promise<SentFile | { button: string }> {
  for (;;) {
    const update = await conversation.wait();
    if (update.from?.id !== starter) {
      await conversation.skip({ next: true });
      continue;
    }
    const data = update.callbackQuery?.data;
    if (data?.startsWith("mu:")) {
      await update.answerCallbackQuery();
      if (data === "mu:cancel") {
        await ctx.reply(ctx.t("methodology:upload.cancelled"));
        return conversation.halt();
      }
      return { button: data.slice(3) };
    }
    const document = update.message?.document;
    if (document) {
      return {
        fileId: document.file_id,
        fileName: document.file_name ?? "methodology.yaml",
        size: document.file_size ?? 0,
      };
    }
    const text = update.message?.text;
    if (text?.startsWith("/")) {
      await ctx.reply(ctx.t("methodology:upload.cancelled"));
      return conversation.halt({ next: true });
    }
    if (text !== undefined) await ctx.reply(ctx.t(`methodology:upload.${remind}`));
    else await conversation.skip({ next: true });
  }
}

/** Downloads the document's bytes as text; the reason when it is too large or unreadable. */
async function download(o: BotContext, file: SentFile) {
  if (file.size > MAX_METHODOLOGY_BYTES) return { ok: false as const, reason: "tooLarge" };
  const info = await o.api.getFile(file.fileId);
  const response = await fetch(
    `${o.config.apiRoot}/file/bot${o.config.botToken}/${info.file_path}`,
  );
  if (!response.ok) return { ok: false as const, reason: "unreadable" };
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_METHODOLOGY_BYTES) return { ok: false as const, reason: "tooLarge" };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  return { ok: true as const, text };
}

const cancelRow = (t: Translate) =>
  new InlineKeyboard().text(t("methodology:upload.cancelButton"), "mu:cancel");

/**
 * An admin loads a new methodology version from a file (private chats only): the bot checks it,
 * shows what differs from the version it takes over from, and activates it only when the admin
 * confirms. Each step asks again that the answer comes from the admin who started, still an admin.
 */
export async function methodologyUploadConversation(conversation: Talk, ctx: ConversationContext) {
  const t = ctx.t;
  const lang = ctx.lang as Lang;
  const starter = ctx.from?.id;
  if (starter === undefined || ctx.chat?.type !== "private") return;
  const versions = await conversation.external((o) =>
    o.methodology.versions.map((v) => `• ${v.id} — ${formatPeriodLabel(v.appliesFrom, lang)}`),
  );
  await ctx.reply(t("methodology:upload.ask", { versions: versions.join("\n") }), {
    reply_markup: cancelRow(t),
  });
  let sent: SentFile | undefined;
  for (;;) {
    const step = sent ?? (await nextStep(conversation, ctx, starter, "sendFile"));
    sent = undefined;
    if (!(await stillAdmin(conversation, starter))) {
      await ctx.reply(t("methodology:upload.notAllowed"));
      return;
    }
    if ("button" in step) continue;
    const downloaded = await conversation.external((o) => download(o, step));
    if (!downloaded.ok) {
      await ctx.reply(t(dataKey(`methodology:upload.${downloaded.reason}`)), {
        reply_markup: cancelRow(t),
      });
      continue;
    }
    const checked = await conversation.external(async (o) => {
      await o.methodologySource.refresh();
      const check = await checkUpload(o.repos, o.methodologySource.book(), downloaded.text);
      return checkedLines(check, t, lang);
    });
    for (const message of messagesOf(checked.lines)) await ctx.reply(message);
    if (!checked.ok) {
      await ctx.reply(t("methodology:upload.sendAgain"), { reply_markup: cancelRow(t) });
      continue;
    }
    const question = t(
      checked.same ? "methodology:upload.confirmSame" : "methodology:upload.confirm",
      {
        id: checked.id,
        period: formatPeriodLabel(checked.appliesFrom, lang),
        replaces: checked.replaces,
      },
    );
    await ctx.reply(question, {
      reply_markup: new InlineKeyboard()
        .text(t("methodology:upload.activateButton"), "mu:activate")
        .row()
        .text(t("methodology:upload.cancelButton"), "mu:cancel"),
    });
    let answer = await nextStep(conversation, ctx, starter, "pressButton");
    while ("button" in answer && answer.button !== "activate") {
      answer = await nextStep(conversation, ctx, starter, "pressButton");
    }
    // Another file instead of a yes: it is checked from the start.
    if (!("button" in answer)) {
      sent = answer;
      continue;
    }
    if (!(await stillAdmin(conversation, starter))) {
      await ctx.reply(t("methodology:upload.notAllowed"));
      return;
    }
    const outcome = await conversation.external(async (o) => {
      const result = await activateUpload(o.repos, o.methodologySource, {
        text: downloaded.text,
        fileName: step.fileName,
        actorTelegramId: starter,
        now: o.now(),
      });
      if (result.ok || result.reason === "notAllowed") return { ok: result.ok, lines: [] };
      return { ok: false, lines: checkedLines(result, t, lang).lines };
    });
    if (outcome.ok) {
      await ctx.reply(
        t("methodology:upload.activated", {
          id: checked.id,
          period: formatPeriodLabel(checked.appliesFrom, lang),
        }),
      );
      return;
    }
    // Refused after all: another admin or a report got there between the check and the yes.
    const lines = outcome.lines.length > 0 ? outcome.lines : [t("methodology:upload.notAllowed")];
    for (const message of messagesOf([t("methodology:upload.refusedNow"), ...lines]))
      await ctx.reply(message);
    return;
  }
}
