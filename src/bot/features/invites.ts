import { Composer, InlineKeyboard } from "grammy";
import type { BodyRecord } from "../../db/repositories/directory.ts";
import type { InviteRecord } from "../../db/repositories/invites.ts";
import type { Role } from "../../db/repositories/users.ts";
import { formatDate } from "../../domain/calendar/format.ts";
import { ROLES } from "../../domain/vocabulary.ts";
import {
  createInviteForBody,
  inviteLink,
  isInviteOpen,
  revokeBodyInvite,
} from "../../services/invites.ts";
import { featureCodec, field } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";
import { bodyName, onMenuButton } from "../main-menu.ts";
import { mayActForBody, requireRole } from "../middleware/access.ts";

const PAGE_SIZE = 8;
const USES = [1, 5, 10, 30, 100];
const DAYS = [3, 7, 14, 30];

// inv:<step>:…: pick a body, a role, how many people and days; list and revoke.
const codec = featureCodec("inv", {
  p: [field.page],
  b: [field.id],
  r: [field.id, field.role],
  u: [field.id, field.role, field.number(USES)],
  c: [field.id, field.role, field.number(USES), field.number(DAYS)],
  l: [field.id],
  x: [field.id, field.id],
});

const composer = new Composer<BotContext>();

onMenuButton(composer, "invite", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(...(await bodyPage(ctx, 0)));
});

composer.chatType("private").command("invite", requireRole("admin"), async (ctx) => {
  await ctx.reply(...(await bodyPage(ctx, 0)));
});

// Every step button ("inv:…") is admin-only; the role check runs before any of them.
const buttons = new Composer<BotContext>();
composer.filter(
  (ctx) => ctx.callbackQuery?.data?.startsWith("inv:") ?? false,
  requireRole("admin"),
  buttons,
);

codec.on(buttons, "p", async (ctx, [page]) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(...(await bodyPage(ctx, page)));
});

codec.on(buttons, "b", async (ctx, [bodyId]) => {
  const body = await bodyFor(ctx, bodyId);
  if (!body) return;
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard();
  for (const role of ROLES) {
    keyboard.text(ctx.t(`onboarding:roles.${role}`), codec.data("r", body.id, role)).row();
  }
  keyboard.text(ctx.t("onboarding:invite.listButton"), codec.data("l", body.id)).row();
  keyboard.text(ctx.t("onboarding:invite.back"), codec.data("p", 0));
  await ctx.editMessageText(ctx.t("onboarding:invite.pickRole", { body: bodyName(ctx, body) }), {
    reply_markup: keyboard,
  });
});

codec.on(buttons, "r", async (ctx, [bodyId, role]) => {
  const body = await bodyFor(ctx, bodyId);
  if (!body) return;
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard();
  for (const uses of USES) {
    keyboard.text(
      ctx.t("onboarding:invite.uses", { count: uses }),
      codec.data("u", body.id, role, uses),
    );
  }
  keyboard.row().text(ctx.t("onboarding:invite.back"), codec.data("b", body.id));
  await ctx.editMessageText(ctx.t("onboarding:invite.pickUses", describe(ctx, body, role)), {
    reply_markup: keyboard,
  });
});

codec.on(buttons, "u", async (ctx, [bodyId, role, uses]) => {
  const body = await bodyFor(ctx, bodyId);
  if (!body) return;
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard();
  for (const days of DAYS) {
    keyboard.text(
      ctx.t("onboarding:invite.days", { count: days }),
      codec.data("c", body.id, role, uses, days),
    );
  }
  keyboard.row().text(ctx.t("onboarding:invite.back"), codec.data("r", body.id, role));
  await ctx.editMessageText(ctx.t("onboarding:invite.pickDays", describe(ctx, body, role)), {
    reply_markup: keyboard,
  });
});

codec.on(buttons, "c", async (ctx, [bodyId, role, uses, days]) => {
  const body = await bodyFor(ctx, bodyId);
  if (!body) return;
  const created = await createInviteForBody(ctx.repos, {
    bodyId: body.id,
    role,
    maxUses: uses,
    days,
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
  });
  if (!created.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t("onboarding:invite.bodyGone"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const { invite } = created;
  await ctx.editMessageText(
    ctx.t("onboarding:invite.created", {
      ...describe(ctx, body, role),
      uses: ctx.t("onboarding:invite.uses", { count: invite.maxUses }),
      until: formatDate(invite.expiresAt, ctx.config.timeZone),
      link: inviteLink(ctx.me.username, invite.code),
    }),
    { reply_markup: new InlineKeyboard(), link_preview_options: { is_disabled: true } },
  );
});

codec.on(buttons, "l", async (ctx, [bodyId]) => {
  const body = await bodyFor(ctx, bodyId);
  if (!body) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(...(await inviteList(ctx, body)));
});

codec.on(buttons, "x", async (ctx, [bodyId, inviteId]) => {
  const body = await bodyFor(ctx, bodyId);
  if (!body) return;
  const revoked = await revokeBodyInvite(ctx.repos, {
    bodyId: body.id,
    inviteId,
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
  });
  const key = revoked.ok ? "onboarding:invite.revoked" : "onboarding:invite.alreadyGone";
  await ctx.answerCallbackQuery({ text: ctx.t(key) });
  await ctx.editMessageText(...(await inviteList(ctx, body)));
});

type Screen = [
  string,
  { reply_markup: InlineKeyboard; link_preview_options?: { is_disabled: boolean } },
];

/** One page of the active bodies, as buttons, with ◀️ ▶️ between pages. */
async function bodyPage(ctx: BotContext, page: number): Promise<Screen> {
  const bodies = await ctx.repos.directory.listBodies();
  if (bodies.length === 0) {
    const keyboard = new InlineKeyboard().text(ctx.t("onboarding:menu.addBody"), "menu:addBody");
    return [ctx.t("onboarding:invite.noBodies"), { reply_markup: keyboard }];
  }
  const pages = Math.ceil(bodies.length / PAGE_SIZE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const keyboard = new InlineKeyboard();
  for (const body of bodies.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE)) {
    keyboard.text(bodyName(ctx, body), codec.data("b", body.id)).row();
  }
  if (current > 0) keyboard.text(ctx.t("onboarding:invite.previous"), codec.data("p", current - 1));
  if (current < pages - 1)
    keyboard.text(ctx.t("onboarding:invite.next"), codec.data("p", current + 1));
  const text = ctx.t("onboarding:invite.pickBody", { page: current + 1, pages });
  return [text, { reply_markup: keyboard }];
}

/** The body's invites that still work, each with its link and a revoke button. */
async function inviteList(ctx: BotContext, body: BodyRecord): Promise<Screen> {
  const now = ctx.now();
  const open = (await ctx.repos.invites.listInvites(body.id)).filter((invite) =>
    isInviteOpen(invite, now),
  );
  const keyboard = new InlineKeyboard();
  const name = bodyName(ctx, body);
  if (open.length === 0) {
    keyboard.text(ctx.t("onboarding:invite.back"), codec.data("b", body.id));
    return [ctx.t("onboarding:invite.listEmpty", { body: name }), { reply_markup: keyboard }];
  }
  const lines = open.map((invite, index) => inviteLine(ctx, invite, index + 1));
  open.forEach((invite, index) => {
    const label = ctx.t("onboarding:invite.revokeButton", { n: index + 1 });
    keyboard.text(label, codec.data("x", body.id, invite.id)).row();
  });
  keyboard.text(ctx.t("onboarding:invite.back"), codec.data("b", body.id));
  const text = [ctx.t("onboarding:invite.listTitle", { body: name }), ...lines].join("\n\n");
  return [text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } }];
}

function inviteLine(ctx: BotContext, invite: InviteRecord, n: number): string {
  return ctx.t("onboarding:invite.listLine", {
    n,
    role: ctx.t(`onboarding:roles.${invite.role}`),
    uses: invite.uses,
    max: invite.maxUses,
    until: formatDate(invite.expiresAt, ctx.config.timeZone),
    link: inviteLink(ctx.me.username, invite.code),
  });
}

/** The body when it exists, is active and the admin may act for it; else a refusal alert. */
async function bodyFor(ctx: BotContext, bodyId: number): Promise<BodyRecord | undefined> {
  const body = await ctx.repos.directory.getBody(bodyId);
  if (body?.active && mayActForBody(ctx.user, body.id)) return body;
  await ctx.answerCallbackQuery({ text: ctx.t("onboarding:invite.bodyGone"), show_alert: true });
  return undefined;
}

function describe(ctx: BotContext, body: BodyRecord, role: Role) {
  return { body: bodyName(ctx, body), role: ctx.t(`onboarding:roles.${role}`) };
}

/** /invite and the "invite" button: pick a body, a role, how many people and days; list and revoke. */
export const invitesFeature = composer;
