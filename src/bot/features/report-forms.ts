import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { continueEntry } from "../forms/entry.ts";
import { INDICATORS_ENTRY } from "../forms/indicators-entry.ts";
import { MONTHLY_ENTRY } from "../forms/monthly-entry.ts";
import { continueOpenForm } from "../forms/open-form.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");
for (const entry of [MONTHLY_ENTRY, INDICATORS_ENTRY]) {
  privateChats.use(continueEntry(entry));
  privateChats.use(continueOpenForm(entry));
}

/**
 * The open report entries and forms, ahead of the other features: a form's answer goes through no
 * other feature's filters (most of a deadline rush's updates), and a command (but /help) or
 * another feature's button closes the entry or the form first, its draft kept, and goes on to
 * its feature. /report and /indicators themselves stay with their features.
 */
export const reportFormsFeature = composer;
