import { describe, expect, it } from "vitest";
import type { BotMessage } from "../../support/emulator.ts";
import {
  emptyRowProblems,
  screenLimitProblems,
  transcriptWordProblems,
} from "../../support/transcript.ts";

const message = (text: string, buttons: string[] = [], chatId = 1): BotMessage => ({
  messageId: 1,
  chatId,
  text,
  keyboard: buttons.length > 0 ? [buttons.map((b) => ({ text: b, callback_data: "x" }))] : [],
  raw: {},
  edited: false,
});

describe("what every end-to-end file checks in its transcript", () => {
  it("finds a keyboard with an empty row, not one without buttons", () => {
    const button = { text: "✖️ Отмена", callback_data: "x" };
    expect(
      emptyRowProblems([{ ...message("Отправьте текст."), keyboard: [[], [button]] }]),
    ).toHaveLength(1);
    expect(emptyRowProblems([{ ...message("Готово."), keyboard: [[]] }])).toHaveLength(1);
    expect(emptyRowProblems([message("Готово."), message("Выберите", ["✖️ Отмена"])])).toEqual([]);
  });

  it("finds a screen over 1,000 characters, and a summary page only over 2,000", () => {
    expect(screenLimitProblems([message("а".repeat(1000))])).toEqual([]);
    expect(screenLimitProblems([message("а".repeat(1001))])).toHaveLength(1);
    expect(screenLimitProblems([message("а".repeat(1500), ["📤 Отправить отчёт"])])).toEqual([]);
    expect(screenLimitProblems([message("а".repeat(2001), ["📤 Есепті жіберу"])])).toHaveLength(1);
  });

  it("finds words outside the glossary and wrong suffixes, in the chat's own language", () => {
    expect(transcriptWordProblems([message("Сіздің ұпайыңыз: 5", [], 1)])).toHaveLength(1);
    expect(transcriptWordProblems([message("Штраф 5 баллов", [], 2)])).toHaveLength(1);
    expect(transcriptWordProblems([message("36 индикатордың 2-і", [], 3)])).toHaveLength(1);
    expect(transcriptWordProblems([message("36 индикатордың 2-сі", [], 3)])).toEqual([]);
    expect(transcriptWordProblems([message("Готово.. спасибо", [], 4)])).toHaveLength(1);
    expect(transcriptWordProblems([message("например, {{day}} или 15", [], 5)])).toHaveLength(1);
    expect(transcriptWordProblems([message("баллов: NaN", [], 6)])).toHaveLength(1);
  });
});
