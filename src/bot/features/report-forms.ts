import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, ConversationContext } from "../context.ts";
import {
  INDICATORS_CONVERSATION,
  indicatorsReportConversation,
} from "../conversations/indicators-report.ts";
import {
  MONTHLY_REPORT_CONVERSATION,
  monthlyReportConversation,
} from "../conversations/monthly-report.ts";
import { indicatorsForm } from "../forms/indicators-form.ts";
import { monthlyForm } from "../forms/monthly-form.ts";
import { continueOpenForm } from "../forms/open-form.ts";
import type { ReportForm } from "../forms/run-step.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

// Each form after its entry's conversation: ⬅ Back from the first question enters it again.
privateChats.use(
  createConversation<BotContext, ConversationContext>(
    monthlyReportConversation,
    MONTHLY_REPORT_CONVERSATION,
  ),
);
privateChats.use(continueOpenForm(monthlyForm as ReportForm<unknown>, MONTHLY_REPORT_CONVERSATION));
privateChats.use(
  createConversation<BotContext, ConversationContext>(
    indicatorsReportConversation,
    INDICATORS_CONVERSATION,
  ),
);
privateChats.use(continueOpenForm(indicatorsForm as ReportForm<unknown>, INDICATORS_CONVERSATION));

/**
 * The report entries (conversations) and the open report forms, ahead of the other features: a
 * form's answer goes through no other feature's filters (most of a deadline rush's updates), and
 * a command or another feature's button closes the entry or the form first, its draft kept, and
 * goes on to its feature. /report and /indicators themselves stay with their features.
 */
export const reportFormsFeature = composer;
