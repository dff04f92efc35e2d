import type { Conversation } from "@grammyjs/conversations";
import {
  freshMonthlyDraft,
  monthlyDraftOfVersion,
  monthlyHistory,
} from "../../services/monthly-content.ts";
import { openReportDraft } from "../../services/reports.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { type EntryArgs, type EntrySpec, enterReportForm } from "../forms/entry.ts";
import { monthlyForm } from "../forms/monthly-form.ts";

/** The conversation's id for ctx.conversation.enter. */
export const MONTHLY_REPORT_CONVERSATION = "monthly-report";

/** What /report passes in: an optional body code (admins, or a commissioner naming their own). */
export type MonthlyReportArgs = EntryArgs;

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
 * The entry of the ethics commissioner's monthly report: the body (admins), the month, a draft
 * to continue or a report to correct. It ends once the draft is open: the form's questions are
 * then answered one step at a time against the draft (forms/open-form.ts), with nothing to replay.
 */
export async function monthlyReportConversation(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  args: MonthlyReportArgs = {},
): Promise<void> {
  await enterReportForm(conversation, ctx, MONTHLY_ENTRY, args);
}
