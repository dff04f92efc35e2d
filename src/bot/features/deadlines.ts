import { type Conversation, createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import type { ReportKind } from "../../db/repositories/index.ts";
import { REPORT_KINDS } from "../../domain/vocabulary.ts";
import { changeDeadline } from "../../services/deadlines.ts";
import { featureCodec, field } from "../callback-codec.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { checkStarter } from "../conversations/step-answer.ts";
import { requireRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
const KINDS = REPORT_KINDS;
const buttons = featureCodec("dl", { edit: [field.reportKind] });
const EDIT_DEADLINE = "editDeadline";

const pad = (n: number) => String(n).padStart(2, "0");

/** Asks an admin for the new day and time of one report kind's deadline, saves it, audited. */
async function editDeadline(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  kind: ReportKind,
) {
  const report = ctx.t(`notifications:reportTitle.${kind}`);
  await ctx.reply(ctx.t("notifications:deadlines.askDay", { report }), {
    reply_markup: new InlineKeyboard().text(
      ctx.t("notifications:deadlines.cancelButton"),
      "dl:cancel",
    ),
  });
  for (;;) {
    const update = await conversation.wait();
    await checkStarter(conversation, ctx, update, "admin");
    if (update.callbackQuery?.data === "dl:cancel") {
      await update.answerCallbackQuery();
      await ctx.reply(ctx.t("notifications:deadlines.cancelled"));
      return;
    }
    const text = update.message?.text;
    if (text === undefined) {
      await conversation.skip({ next: true });
      continue;
    }
    if (text.startsWith("/")) return conversation.halt({ next: true });
    const m = /^\s*(\d{1,2})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
    const [day, hour, minute] = (m?.slice(1) ?? []).map(Number);
    if (
      day === undefined ||
      hour === undefined ||
      minute === undefined ||
      day < 1 ||
      day > 28 ||
      hour > 23 ||
      minute > 59
    ) {
      await ctx.reply(ctx.t("notifications:deadlines.bad"));
      continue;
    }
    await conversation.external((outside) =>
      changeDeadline(outside.repos, {
        kind,
        day,
        hour,
        minute,
        actorUserId: outside.user?.id ?? null,
        at: outside.now(),
      }),
    );
    await ctx.reply(
      ctx.t("notifications:deadlines.saved", { report, day, time: `${pad(hour)}:${pad(minute)}` }),
    );
    return;
  }
}

// Admin dialogs run in private chats only, where nobody else can answer them.
const privateChats = composer.chatType("private");
privateChats.use(createConversation<BotContext, ConversationContext>(editDeadline, EDIT_DEADLINE));

privateChats.command("deadlines", admins, async (ctx) => {
  const rules = await ctx.repos.deadlines.getRules();
  const lines = [ctx.t("notifications:deadlines.title"), ""];
  for (const rule of rules) {
    lines.push(
      ctx.t("notifications:deadlines.rule", {
        report: ctx.t(`notifications:reportTitle.${rule.kind}`),
        day: rule.dueDay,
        time: `${pad(rule.dueHour)}:${pad(rule.dueMinute)}`,
      }),
    );
  }
  lines.push("", ctx.t("notifications:deadlines.choose"));
  const keyboard = InlineKeyboard.from(
    KINDS.map((kind) => [
      InlineKeyboard.text(ctx.t(`notifications:reportTitle.${kind}`), buttons.data("edit", kind)),
    ]),
  );
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
});

buttons.on(composer, "edit", admins, async (ctx, [kind]) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(EDIT_DEADLINE, kind);
});

/** /deadlines (admins): the due day and time of each report kind, and changing them. */
export const deadlinesFeature = composer;
