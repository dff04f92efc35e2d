import {
  freshMonthlyDraft,
  monthlyDraftOfVersion,
  monthlyHistory,
} from "../../services/monthly-content.ts";
import { openReportDraft } from "../../services/reports.ts";
import type { EntrySpec } from "./entry.ts";
import { monthlyForm } from "./monthly-form.ts";

/**
 * The entry of the ethics commissioner's monthly report: the body (admins), the month, a draft
 * to continue or a report to correct (entry.ts). Then the form's questions are answered one step
 * at a time against the draft (open-form.ts).
 */
export const MONTHLY_ENTRY: EntrySpec = {
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
