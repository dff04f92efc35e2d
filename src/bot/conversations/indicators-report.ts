import type { Conversation } from "@grammyjs/conversations";
import type { IndicatorsReportKind } from "../../domain/forms/indicators/due.ts";
import {
  freshIndicatorsDraft,
  indicatorsDraftOfVersion,
  indicatorsReference,
  reopenIndicatorsDraft,
} from "../../services/indicators-content.ts";
import { openReportDraft, saveReportDraft } from "../../services/reports.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { type EntryArgs, type EntrySpec, enterReportForm } from "../forms/entry.ts";
import { indicatorsForm } from "../forms/indicators-form.ts";

/** The conversation's id for ctx.conversation.enter. */
export const INDICATORS_CONVERSATION = "indicators";

/** What /indicators passes in: an optional body code (admins, or an officer naming their own). */
export type IndicatorsReportArgs = EntryArgs;

const INDICATORS_ENTRY: EntrySpec = {
  kinds: ["annual", "quarterly"],
  maker: "officer",
  form: indicatorsForm as EntrySpec["form"],
  async open(ctx, key, choice) {
    const body = await ctx.repos.directory.getBody(key.bodyId);
    if (!body) throw new Error(`Body ${key.bodyId} is not in the directory`);
    const kind = key.kind as IndicatorsReportKind;
    const version = ctx.methodology.forPeriod(key.periodKey);
    // Taken afresh at every opening: the directory, last period's report or the deadline may have changed.
    const reference = await indicatorsReference(
      ctx.repos,
      body,
      { kind, periodKey: key.periodKey, dueAt: choice.dueAt },
      version,
    );
    const fresh = () => freshIndicatorsDraft(kind, key.periodKey, reference, version);
    const opened = await openReportDraft(
      ctx.repos,
      key,
      choice,
      {
        fresh,
        restore: (stored) =>
          stored
            ? indicatorsDraftOfVersion(kind, key.periodKey, stored, reference, version)
            : fresh(),
      },
      ctx.now(),
    );
    const draft = reopenIndicatorsDraft(
      { ...opened, reference: { ...reference }, revision: opened.revision + 1 },
      version,
    );
    await saveReportDraft(ctx.repos, key, draft, ctx.now());
    return draft;
  },
};

/**
 * The entry of the responsible officer's annual and quarterly indicators report: the body
 * (admins), the period, a draft to continue or a report to correct. It ends once the draft is
 * open: the indicators are then answered one step at a time against the draft
 * (forms/open-form.ts), however many the report has.
 */
export async function indicatorsReportConversation(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  args: IndicatorsReportArgs = {},
): Promise<void> {
  await enterReportForm(conversation, ctx, INDICATORS_ENTRY, args);
}
