import type { IndicatorsReportKind } from "../../domain/forms/indicators/due.ts";
import {
  freshIndicatorsDraft,
  indicatorsDraftOfVersion,
  indicatorsReference,
  reopenIndicatorsDraft,
} from "../../services/indicators-content.ts";
import { openReportDraft, saveReportDraft } from "../../services/reports.ts";
import type { EntrySpec } from "./entry.ts";
import { indicatorsForm } from "./indicators-form.ts";

/**
 * The entry of the responsible officer's annual and quarterly indicators report: the body
 * (admins), the period, a draft to continue or a report to correct (entry.ts). Then the
 * indicators are answered one step at a time against the draft (open-form.ts).
 */
export const INDICATORS_ENTRY: EntrySpec = {
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
