import { InlineKeyboard } from "grammy";
import { MAX_COMMENT_LENGTH } from "../../domain/reports/report-meta.ts";
import { isLink, say } from "./indicators-input.ts";
import { isNav, nextInput, type StepEnv } from "./indicators-screen.ts";

/**
 * Collects documents, photos and links for the indicator, and one free-text comment (a new one
 * replaces the old); each is saved to the draft at once. "Done" returns to the indicator.
 */
export async function collectEvidence(env: StepEnv, save: () => Promise<void>): Promise<void> {
  const t = env.ctx.t;
  const id = env.def.id;
  const keyboard = new InlineKeyboard()
    .text(t("indicators:evidence.done"), "ind:evok")
    .text(t("indicators:evidence.clear"), "ind:evclr");
  await say(env.ctx, t("indicators:evidence.prompt"), keyboard);
  for (;;) {
    const input = await nextInput(env);
    if (isNav(input)) return;
    if (input.kind === "button") {
      if (input.data === "ind:evok") return;
      if (input.data === "ind:evclr") {
        delete env.draft.evidence[id];
        delete env.draft.comments[id];
        await save();
        await say(env.ctx, t("indicators:evidence.cleared"));
      }
      continue;
    }
    if (input.kind === "file" || isLink(input.text)) {
      const item =
        input.kind === "file" ? input.evidence : { type: "link" as const, link: input.text };
      const list = env.draft.evidence[id] ?? [];
      list.push(item);
      env.draft.evidence[id] = list;
      await save();
      await say(env.ctx, t("indicators:evidence.added", { count: list.length }));
      continue;
    }
    if (input.text.length > MAX_COMMENT_LENGTH) {
      await say(env.ctx, t("scoring:report.textTooLong", { max: MAX_COMMENT_LENGTH }));
      continue;
    }
    env.draft.comments[id] = input.text;
    await save();
    await say(env.ctx, t("indicators:evidence.commentSaved"));
  }
}
