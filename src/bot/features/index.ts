import type { Composer } from "grammy";
import { COMMAND_ROLES } from "../command-menu.ts";
import type { BotContext } from "../context.ts";
import type { BotCommandSpec } from "../publish-commands.ts";
import { addBodyFeature } from "./add-body.ts";
import { auditFeature } from "./audit.ts";
import { broadcastFeature } from "./broadcast.ts";
import { dashboardFeature } from "./dashboard.ts";
import { deadlinesFeature } from "./deadlines.ts";
import { exportFeature } from "./export.ts";
import { fallbackFeature } from "./fallback.ts";
import { helpFeature } from "./help.ts";
import { importFeature } from "./import.ts";
import { indicatorsFeature } from "./indicators.ts";
import { invitesFeature } from "./invites.ts";
import { leaderboardFeature } from "./leaderboard.ts";
import { methodologyFeature } from "./methodology.ts";
import { monthlyReportFeature } from "./monthly-report.ts";
import { myReportsFeature } from "./my-reports.ts";
import { onboardingFeature } from "./onboarding.ts";
import { registeredInviteFeature } from "./registered-invite.ts";
import { reportFormsFeature } from "./report-forms.ts";
import { reviewFeature } from "./review.ts";
import { reviewQueueFeature } from "./review-queue.ts";
import { scoreFeature } from "./score.ts";
import { usersFeature } from "./users.ts";
import { welcomeFeature } from "./welcome.ts";

/** Every feature, installed in this order after the platform middleware. Add new features here. */
export const features: Composer<BotContext>[] = [
  // Sets the chat's menu button and passes every update on: first, so that it sees them all.
  dashboardFeature,
  // Report entries and open forms: an answer costs no other feature's filters (report-forms.ts).
  reportFormsFeature,
  onboardingFeature,
  registeredInviteFeature,
  welcomeFeature,
  helpFeature,
  invitesFeature,
  addBodyFeature,
  broadcastFeature,
  deadlinesFeature,
  indicatorsFeature,
  monthlyReportFeature,
  myReportsFeature,
  // Managers and admins (their text and document handlers pass on what they do not expect).
  scoreFeature,
  leaderboardFeature,
  reviewQueueFeature,
  reviewFeature,
  importFeature,
  exportFeature,
  usersFeature,
  auditFeature,
  methodologyFeature,
  // Must be last: it answers whatever a registered person sent that no feature took.
  fallbackFeature,
];

/** The command menu, in the order Telegram shows it (who may use which: command-menu.ts). */
export const commands: BotCommandSpec[] = COMMAND_ROLES.map(({ command }) => ({ command }));
