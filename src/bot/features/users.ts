import { Composer, InlineKeyboard } from "grammy";
import { ROLES } from "../../domain/vocabulary.ts";
import { bodyName } from "../../services/period-labels.ts";
import { changeUserRole, setBodyActive, setUserActive } from "../../services/user-admin.ts";
import { featureCodec, field } from "../callback-codec.ts";
import { refreshMenuOf } from "../command-menu.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { bodyPicker, refuse, shorten, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
// us:<action>:<fields>: pages, bodies, people, and the admin's changes to them.
const buttons = featureCodec("us", {
  b: [field.page],
  o: [field.id],
  admins: [],
  u: [field.id],
  t: [field.id],
  r: [field.id, field.role],
  x: [field.id],
});

// "/users <code or part of a name>" narrows the list: there may be hundreds of bodies.
composer.command("users", admins, (ctx) => showBodies(ctx, 0, false, ctx.match.trim()));
onMenuButton(composer, "users", (ctx) => showBodies(ctx, 0, true));
buttons.on(composer, "b", admins, (ctx, [page]) => showBodies(ctx, page));
buttons.on(composer, "o", admins, (ctx, [bodyId]) => showBody(ctx, bodyId));
buttons.on(composer, "admins", admins, (ctx) => showAdmins(ctx));
buttons.on(composer, "u", admins, (ctx, [userId]) => showUser(ctx, userId));

buttons.on(composer, "t", admins, async (ctx, [bodyId]) => {
  const body = await ctx.repos.directory.getBody(bodyId);
  if (!body || !ctx.user) return refuse(ctx, ctx.t("admin:users.notFound"));
  await setBodyActive(ctx.repos, {
    actor: ctx.user,
    bodyId: body.id,
    active: !body.active,
    now: ctx.now(),
  });
  await showBody(ctx, body.id);
});

buttons.on(composer, "r", admins, async (ctx, [userId, role]) => {
  if (!ctx.user) return;
  const result = await changeUserRole(ctx.repos, {
    actor: ctx.user,
    userId,
    role,
    now: ctx.now(),
  });
  if (!result.ok) return refuse(ctx, ctx.t(`admin:users.refused.${result.reason}`));
  await refreshMenuOf(ctx, result.user);
  await showUser(ctx, result.user.id);
});

buttons.on(composer, "x", admins, async (ctx, [userId]) => {
  const user = await ctx.repos.users.getUser(userId);
  if (!user || !ctx.user) return refuse(ctx, ctx.t("admin:users.notFound"));
  const result = await setUserActive(ctx.repos, {
    actor: ctx.user,
    userId: user.id,
    active: !user.active,
    now: ctx.now(),
  });
  if (!result.ok) return refuse(ctx, ctx.t(`admin:users.refused.${result.reason}`));
  await refreshMenuOf(ctx, result.user);
  await showUser(ctx, user.id);
});

async function showBodies(ctx: BotContext, page: number, fresh = false, query = "") {
  const all = await ctx.repos.directory.listBodies({ includeInactive: true });
  const needle = query.toLowerCase();
  const bodies = needle
    ? all.filter(
        (b) =>
          b.code.toLowerCase() === needle ||
          b.nameKk.toLowerCase().includes(needle) ||
          b.nameRu.toLowerCase().includes(needle),
      )
    : all;
  const keyboard = bodyPicker(ctx, bodies, page, {
    select: (body) => buttons.data("o", body.id),
    page: (p) => buttons.data("b", p),
  });
  keyboard.row().text(ctx.t("admin:users.admins"), buttons.data("admins"));
  const text = needle
    ? ctx.t("admin:users.found", { count: bodies.length, query })
    : ctx.t("admin:users.bodies", { count: bodies.length });
  await show(ctx, text, keyboard, { fresh });
}

async function showBody(ctx: BotContext, bodyId: number) {
  const body = await ctx.repos.directory.getBody(bodyId);
  if (!body) return refuse(ctx, ctx.t("admin:users.notFound"));
  const parent =
    body.parentId === null ? undefined : await ctx.repos.directory.getBody(body.parentId);
  const members = await ctx.repos.directory.countMembers(body.id);
  const users = await ctx.repos.users.listUsers({ bodyId: body.id, includeInactive: true });
  const lines = [
    `🏛 ${bodyName(body, ctx.lang)}`,
    ctx.t("admin:users.bodyInfo", {
      code: body.code,
      kind: ctx.t(`manager:kinds.${body.kind}`),
      region: body.region ?? "—",
      parent: parent ? bodyName(parent, ctx.lang) : "—",
    }),
    ctx.t("admin:users.members", members),
    ctx.t(body.active ? "admin:users.active" : "admin:users.inactive"),
    "",
    ctx.t("admin:users.people", { count: users.length }),
  ];
  const keyboard = new InlineKeyboard();
  for (const user of users) {
    const mark = user.active ? "" : "⏸ ";
    lines.push(`${mark}${user.name} — ${ctx.t(`admin:roles.${user.role}`)}`);
    keyboard
      .text(
        shorten(`${mark}${user.name} · ${ctx.t(`admin:roles.${user.role}`)}`),
        buttons.data("u", user.id),
      )
      .row();
  }
  keyboard
    .text(
      ctx.t(body.active ? "admin:users.deactivateBody" : "admin:users.activateBody"),
      buttons.data("t", body.id),
    )
    .row()
    .text(ctx.t("admin:users.backToBodies"), buttons.data("b", 0));
  await show(ctx, lines.join("\n"), keyboard);
}

async function showAdmins(ctx: BotContext) {
  const admins = await ctx.repos.users.listUsers({ role: "admin", includeInactive: true });
  const keyboard = new InlineKeyboard();
  for (const user of admins) keyboard.text(shorten(user.name), buttons.data("u", user.id)).row();
  keyboard.text(ctx.t("admin:users.backToBodies"), buttons.data("b", 0));
  await show(ctx, ctx.t("admin:users.adminList", { count: admins.length }), keyboard);
}

async function showUser(ctx: BotContext, userId: number) {
  const user = await ctx.repos.users.getUser(userId);
  if (!user) return refuse(ctx, ctx.t("admin:users.notFound"));
  const body = user.bodyId === null ? undefined : await ctx.repos.directory.getBody(user.bodyId);
  const text = [
    `👤 ${user.name}`,
    ctx.t("admin:users.userInfo", {
      telegramId: user.telegramId,
      role: ctx.t(`admin:roles.${user.role}`),
      body: body ? bodyName(body, ctx.lang) : "—",
      language: user.language,
    }),
    ctx.t(user.active ? "admin:users.active" : "admin:users.inactive"),
    "",
    ctx.t("admin:users.chooseRole"),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const role of ROLES) {
    keyboard.text(
      `${role === user.role ? "✓ " : ""}${ctx.t(`admin:roles.${role}`)}`,
      buttons.data("r", user.id, role),
    );
  }
  keyboard
    .row()
    .text(
      ctx.t(user.active ? "admin:users.deactivateUser" : "admin:users.activateUser"),
      buttons.data("x", user.id),
    )
    .row()
    .text(ctx.t("admin:users.back"), body ? buttons.data("o", body.id) : buttons.data("admins"));
  await show(ctx, text, keyboard);
}

/** /users: bodies and their people; deactivate a body or a person, change a person's role. */
export const usersFeature = composer;
