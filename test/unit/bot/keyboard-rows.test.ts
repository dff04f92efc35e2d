import { InlineKeyboard } from "grammy";
import { expect, test } from "vitest";
import { dropEmptyKeyboardRows } from "../../../src/bot/keyboard-rows.ts";

/** What the transformer hands on for a payload. */
async function sent(payload: Record<string, unknown>): Promise<unknown> {
  let passed: unknown;
  const prev = (async (_method: string, p: unknown) => {
    passed = p;
    return { ok: true, result: true };
  }) as Parameters<typeof dropEmptyKeyboardRows>[0];
  await dropEmptyKeyboardRows(prev, "sendMessage", payload as never);
  return passed;
}

test("sends a keyboard without the empty rows grammY's builder leaves", async () => {
  const keyboard = new InlineKeyboard().row().text("✖️ Отмена", "x").row();
  expect(await sent({ chat_id: 1, text: "Отправьте текст.", reply_markup: keyboard })).toEqual({
    chat_id: 1,
    text: "Отправьте текст.",
    reply_markup: { inline_keyboard: [[{ text: "✖️ Отмена", callback_data: "x" }]] },
  });
});

test("takes a message's buttons away with no rows at all, and leaves the rest as it was", async () => {
  expect(await sent({ chat_id: 1, message_id: 2, reply_markup: new InlineKeyboard() })).toEqual({
    chat_id: 1,
    message_id: 2,
    reply_markup: { inline_keyboard: [] },
  });
  const whole = {
    chat_id: 1,
    text: "ok",
    reply_markup: InlineKeyboard.from([[InlineKeyboard.text("a", "b")]]),
  };
  expect(await sent(whole)).toBe(whole);
  const plain = { chat_id: 1, text: "ok" };
  expect(await sent(plain)).toBe(plain);
});
