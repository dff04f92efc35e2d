import { expect, test } from "vitest";
import { retryingFetch } from "../../../src/runtime/retrying-fetch.ts";

function failingTimes(failures: number) {
  const calls: unknown[] = [];
  const inner = (async (_input: unknown, init?: RequestInit) => {
    calls.push(init?.body);
    if (calls.length <= failures) throw new TypeError("ECONNRESET");
    return new Response("{}");
  }) as typeof fetch;
  return { inner, calls };
}

test("sends a JSON request again after a network failure", async () => {
  const { inner, calls } = failingTimes(2);
  const response = await retryingFetch(inner, { firstDelayMs: 1 })("http://x/sendMessage", {
    method: "POST",
    body: '{"chat_id":1}',
  });
  expect(response.ok).toBe(true);
  expect(calls).toEqual(['{"chat_id":1}', '{"chat_id":1}', '{"chat_id":1}']);
});

test("gives up after the last attempt with the original error", async () => {
  const { inner, calls } = failingTimes(10);
  const send = retryingFetch(inner, { attempts: 3, firstDelayMs: 1 });
  await expect(send("http://x/sendMessage", { body: "{}" })).rejects.toThrow("ECONNRESET");
  expect(calls).toHaveLength(3);
});

test("never resends an upload stream, which was consumed by the first try", async () => {
  const { inner, calls } = failingTimes(1);
  const body = new ReadableStream();
  const send = retryingFetch(inner, { firstDelayMs: 1 });
  await expect(send("http://x/sendDocument", { body })).rejects.toThrow("ECONNRESET");
  expect(calls).toHaveLength(1);
});

test("does not retry a request grammY aborted", async () => {
  const { inner, calls } = failingTimes(1);
  const controller = new AbortController();
  controller.abort();
  const send = retryingFetch(inner, { firstDelayMs: 1 });
  await expect(
    send("http://x/getUpdates", { body: "{}", signal: controller.signal }),
  ).rejects.toThrow();
  expect(calls).toHaveLength(1);
});
