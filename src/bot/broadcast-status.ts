import type { Api } from "grammy";
import { InlineKeyboard } from "grammy";
import type { Repositories } from "../db/index.ts";
import type { Logger } from "../logger.ts";
import { type BroadcastProgress, broadcastProgress } from "../services/broadcasts.ts";
import { featureCodec, field } from "./callback-codec.ts";
import type { Translate } from "./context.ts";

const REFRESH_MS = 3000;
const WATCH_FOR_MS = 24 * 60 * 60_000;

/** The status message's buttons: stop what has not gone out, show the progress again. */
export const broadcastButtons = featureCodec("bc", { stop: [field.id], show: [field.id] });

/** The status message of a broadcast: sent, failed, left, and what was cancelled. */
export function statusText(
  t: Translate,
  id: number,
  progress: BroadcastProgress,
  scheduled?: string,
): string {
  const lines = [t("broadcast:status", { id, ...progress })];
  if (progress.cancelled > 0) {
    lines.push(t("broadcast:statusCancelled", { cancelled: progress.cancelled }));
  }
  if (scheduled && progress.sent + progress.failed === 0 && progress.left > 0) {
    lines.push(t("broadcast:statusScheduled", { when: scheduled }));
  }
  if (progress.left === 0) lines.push(t("broadcast:statusDone"));
  return lines.join("\n");
}

/** Stop and refresh while messages are left; none once it is over. */
export function statusKeyboard(
  t: Translate,
  id: number,
  progress: BroadcastProgress,
): InlineKeyboard {
  if (progress.left === 0) return new InlineKeyboard();
  return new InlineKeyboard()
    .text(t("broadcast:stopButton"), broadcastButtons.data("stop", id))
    .text(t("broadcast:refreshButton"), broadcastButtons.data("show", id));
}

/**
 * Edits the status message every few seconds until nothing is left. In memory: after a restart
 * the admin's Refresh button shows the progress instead.
 */
export function watchBroadcast(deps: {
  api: Api;
  repos: Repositories;
  t: Translate;
  id: number;
  chatId: number;
  messageId: number;
  scheduled?: string;
  logger: Logger;
}): void {
  const startedAt = Date.now();
  let shown = "";
  const tick = async () => {
    const progress = await broadcastProgress(deps.repos, deps.id);
    const text = statusText(deps.t, deps.id, progress, deps.scheduled);
    if (text !== shown) {
      shown = text;
      await deps.api.editMessageText(deps.chatId, deps.messageId, text, {
        reply_markup: statusKeyboard(deps.t, deps.id, progress),
      });
    }
    return progress.left === 0 || Date.now() - startedAt > WATCH_FOR_MS;
  };
  const loop = () => {
    setTimeout(() => {
      tick().then(
        (done) => {
          if (!done) loop();
        },
        (error: unknown) => {
          deps.logger.warn(
            { err: error, broadcast: deps.id },
            "could not refresh a broadcast status",
          );
          loop();
        },
      );
    }, REFRESH_MS).unref();
  };
  loop();
}
