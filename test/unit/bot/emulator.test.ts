import { Api, InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../support/emulator.ts";

let emulator: Emulator;
let api: Api;

beforeAll(async () => {
  emulator = await startEmulator();
  api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
});
afterAll(async () => {
  await emulator.stop();
});

describe("the emulator's added Bot API methods", () => {
  it("keeps the bytes and file name of an uploaded document", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]);
    const sent = await api.sendDocument(7, new InputFile(bytes, "есеп 2026 Q1.xlsx"), {
      caption: "Есеп",
    });
    expect(sent.document?.file_name).toBe("есеп 2026 Q1.xlsx");
    expect(emulator.sentFiles.at(-1)).toMatchObject({
      method: "sendDocument",
      chatId: 7,
      filename: "есеп 2026 Q1.xlsx",
      caption: "Есеп",
    });
    expect(emulator.sentFiles.at(-1)?.data?.equals(bytes)).toBe(true);
    expect(emulator.user({ userId: 7 }).lastMessage()?.text).toBe("Есеп");
  });

  it("accepts a photo sent by file_id", async () => {
    const sent = await api.sendPhoto(7, "existing-file-id");
    expect(sent.photo).toHaveLength(1);
    expect(emulator.sentFiles.at(-1)).toMatchObject({
      method: "sendPhoto",
      reference: "existing-file-id",
    });
  });

  it("stores the command menu per language", async () => {
    await api.setMyCommands([{ command: "start", description: "Бастау" }], { language_code: "kk" });
    expect(await api.getMyCommands({ language_code: "kk" })).toEqual([
      { command: "start", description: "Бастау" },
    ]);
    expect(await api.getMyCommands()).toEqual([]);
    await api.deleteMyCommands({ language_code: "kk" });
    expect(emulator.myCommands("kk")).toBeUndefined();
  });

  it("answers chat actions, menu buttons and webhook info", async () => {
    expect(await api.sendChatAction(7, "typing")).toBe(true);
    expect(await api.setChatMenuButton({ menu_button: { type: "commands" } })).toBe(true);
    expect((await api.getWebhookInfo()).url).toBe("");
  });

  it("lets the bot download a document a user sent", async () => {
    const user = emulator.user({ userId: 8 });
    await user.sendDocument({ filename: "dalel.pdf", data: Buffer.from("%PDF-1.7") });
    const [update] = await api.getUpdates();
    const fileId = update?.message?.document?.file_id ?? "";
    const file = await api.getFile(fileId);
    const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
    expect(await response.text()).toBe("%PDF-1.7");
  });
});
