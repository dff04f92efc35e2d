import type { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { welcomeFeature } from "./welcome.ts";

/** A command shown in Telegram's menu; its description is the locale key `commands.<command>`. */
export interface BotCommandSpec {
  command: string;
}

/** Every feature, installed in this order after the platform middleware. Add new features here. */
export const features: Composer<BotContext>[] = [welcomeFeature];

/** The command menu, in the order Telegram shows it. Add a feature's commands here. */
export const commands: BotCommandSpec[] = [{ command: "start" }, { command: "lang" }];
