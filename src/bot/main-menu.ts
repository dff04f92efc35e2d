import { type CallbackQueryContext, type Composer, InlineKeyboard, type Middleware } from "grammy";
import type { Role } from "../db/repositories/users.ts";
import { dataKey, type LocaleKey } from "../i18n-keys.ts";
import type { BotContext } from "./context.ts";
import { requireRole } from "./middleware/access.ts";

/** A button of the main menu; pressing it sends the callback data `menu:<id>`. */
export interface MainMenuItem {
  id: string;
  /** Locale key of the button text ("onboarding:menu.monthly"). */
  labelKey: LocaleKey;
  /** Locale key of its line in /help. */
  helpKey: LocaleKey;
  /** Who sees the button. Unlike requireRole, admins see only the items that list "admin". */
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ["commissioner", "officer", "manager", "admin"];

/**
 * Every main-menu button, in the order shown. A button appears once its feature installs a
 * handler with onMenuButton(composer, id, handler) — the one line a feature adds.
 */
export const mainMenuItems: readonly MainMenuItem[] = [
  item("monthly", ["commissioner"]),
  item("indicators", ["officer"]),
  item("score", ["manager", "commissioner", "officer"]),
  item("leaderboard", EVERYONE),
  item("invite", ["admin"]),
  item("addBody", ["admin"]),
  { id: "review", labelKey: "admin:menu.review", helpKey: "admin:help.review", roles: ["admin"] },
  {
    id: "export",
    labelKey: "admin:menu.export",
    helpKey: "admin:help.export",
    roles: ["manager", "admin"],
  },
  { id: "import", labelKey: "admin:menu.import", helpKey: "admin:help.import", roles: ["admin"] },
  { id: "users", labelKey: "admin:menu.users", helpKey: "admin:help.users", roles: ["admin"] },
  { id: "audit", labelKey: "admin:menu.audit", helpKey: "admin:help.audit", roles: ["admin"] },
];

function item(id: string, roles: readonly Role[]): MainMenuItem {
  return {
    id,
    labelKey: dataKey(`onboarding:menu.${id}`),
    helpKey: dataKey(`onboarding:help.items.${id}`),
    roles,
  };
}

const handledItems = new Set<string>();

/** The ids of buttons some feature handles (features register when their module loads). */
export function handledMenuItems(): ReadonlySet<string> {
  return handledItems;
}

/**
 * Handles the `menu:<id>` button on a feature's composer, behind a role check for the item's
 * roles (admins pass), and makes the button visible in the main menu.
 */
export function onMenuButton(
  composer: Composer<BotContext>,
  id: string,
  ...handlers: Middleware<CallbackQueryContext<BotContext>>[]
): void {
  const found = mainMenuItems.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`"${id}" is not in mainMenuItems (src/bot/main-menu.ts)`);
  handledItems.add(id);
  composer.callbackQuery(`menu:${id}`, requireRole(...found.roles), ...handlers);
}

/** The buttons a person with this role sees: listed for the role and handled by a feature. */
export function menuItemsFor(
  role: Role,
  items: readonly MainMenuItem[] = mainMenuItems,
  handled: ReadonlySet<string> = handledItems,
): MainMenuItem[] {
  return items.filter((candidate) => candidate.roles.includes(role) && handled.has(candidate.id));
}

/** The main menu's inline keyboard, one button a row, in the user's language. */
export function mainMenuKeyboard(ctx: Pick<BotContext, "t">, role: Role): InlineKeyboard {
  return InlineKeyboard.from(
    menuItemsFor(role).map((shown) => [
      InlineKeyboard.text(ctx.t(shown.labelKey), `menu:${shown.id}`),
    ]),
  );
}

/** Sends the main menu: who the person is, then the buttons of their role. */
export async function showMainMenu(ctx: BotContext): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const body = user.bodyId === null ? undefined : await ctx.repos.directory.getBody(user.bodyId);
  const params = {
    name: user.name,
    role: ctx.t(`onboarding:roles.${user.role}`),
    body: body ? bodyName(ctx, body) : "",
  };
  const who = ctx.t(body ? "onboarding:menu.whoWithBody" : "onboarding:menu.who", params);
  if (menuItemsFor(user.role).length === 0) {
    await ctx.reply(`${who}\n${ctx.t("onboarding:menu.empty")}`);
    return;
  }
  await ctx.reply(`${who}\n${ctx.t("onboarding:menu.choose")}`, {
    reply_markup: mainMenuKeyboard(ctx, user.role),
  });
}

/** Who a person is in their role: "уполномоченный по этике, Акимат …", or the role alone. */
export async function describePerson(
  ctx: Pick<BotContext, "t" | "lang" | "repos">,
  person: { role: Role; bodyId: number | null },
): Promise<string> {
  const role = ctx.t(`onboarding:roles.${person.role}`);
  const body =
    person.bodyId === null ? undefined : await ctx.repos.directory.getBody(person.bodyId);
  return body ? `${role}, ${bodyName(ctx, body)}` : role;
}

/** A body's name in the user's language. */
export function bodyName(ctx: Pick<BotContext, "lang">, body: { nameKk: string; nameRu: string }) {
  return ctx.lang === "kk" ? body.nameKk : body.nameRu;
}
