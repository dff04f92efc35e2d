import type { Conversation } from "@grammyjs/conversations";
import {
  freshMonthlyDraft,
  monthlyDraftOfVersion,
  monthlyHistory,
} from "../../services/monthly-content.ts";
import { openReportDraft } from "../../services/reports.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { type EntrySpec, enterReportForm } from "../forms/entry.ts";
import { monthlyForm } from "../forms/monthly-form.ts";
import { runFormStep } from "../forms/run-step.ts";

/** The conversation's id for ctx.conversation.enter. */
export const MONTHLY_REPORT_CONVERSATION = "monthly-report";

/** What /report passes in: an optional body code (admins, or a commissioner naming their own). */
export interface MonthlyReportArgs {
  bodyCode?: string;
}

const MONTHLY_ENTRY: EntrySpec = {
  kinds: ["monthly"],
  maker: "commissioner",
  form: monthlyForm as EntrySpec["form"],
  async open(ctx, key, choice) {
    const reference = {
      history: await monthlyHistory(ctx.repos, key.bodyId, key.periodKey),
      dueAt: choice.dueAt,
    };
    return openReportDraft(
      ctx.repos,
      key,
      choice,
      {
        fresh: () => freshMonthlyDraft(key.periodKey, reference),
        restore: (version) =>
          version
            ? monthlyDraftOfVersion(key.periodKey, version, reference)
            : freshMonthlyDraft(key.periodKey, reference),
      },
      ctx.now(),
    );
  },
};

/**
 * The ethics commissioner's monthly report, one question at a time. The draft in the database is
 * the only state: each step loads it, applies the answer, saves it and shows the next question,
 * then the conversation rewinds to the loop, so what it keeps is a few hundred bytes.
 */
export async function monthlyReportConversation(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  args: MonthlyReportArgs = {},
): Promise<void> {
  const entered = await enterReportForm(conversation, ctx, MONTHLY_ENTRY, args);
  if (!entered) return;
  const loop = conversation.checkpoint();
  await conversation.wait();
  const end = await conversation.external((o) => runFormStep(o, monthlyForm, entered.key));
  if (end === "halt") await conversation.halt({ next: true });
  if (end === "leave") return conversation.rewind(entered.periods);
  if (end === "end") return;
  return conversation.rewind(loop);
}
