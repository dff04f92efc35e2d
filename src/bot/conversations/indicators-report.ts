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
import { type EntrySpec, enterReportForm } from "../forms/entry.ts";
import { indicatorsForm } from "../forms/indicators-form.ts";
import { runFormStep } from "../forms/run-step.ts";

/** The conversation's id for ctx.conversation.enter. */
export const INDICATORS_CONVERSATION = "indicators";

/** What /indicators passes in: an optional body code (admins, or an officer naming their own). */
export interface IndicatorsReportArgs {
  bodyCode?: string;
}

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
 * The responsible officer's annual and quarterly indicators report, one question at a time. The
 * draft in the database is the only state: each step loads it, applies the answer, saves it and
 * shows the next question, then the conversation rewinds to the loop, so what it keeps stays
 * small however many indicators the report has.
 */
export async function indicatorsReportConversation(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  args: IndicatorsReportArgs = {},
): Promise<void> {
  const entered = await enterReportForm(conversation, ctx, INDICATORS_ENTRY, args);
  if (!entered) return;
  const loop = conversation.checkpoint();
  await conversation.wait();
  const end = await conversation.external((o) => runFormStep(o, indicatorsForm, entered.key));
  if (end === "halt") await conversation.halt({ next: true });
  if (end === "leave") return conversation.rewind(entered.periods);
  if (end === "end") return;
  return conversation.rewind(loop);
}
