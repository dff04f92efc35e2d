import type { Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/runtime/http-server.ts";
import { createReadinessCheck } from "../../../src/runtime/readiness.ts";
import { findFreePort } from "../../support/free-port.ts";
import { createMemoryLogger } from "../../support/memory-logger.ts";

const SECRET = "edge-secret";

describe("the webhook's edges", () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  async function start(options: { bodyTimeoutMs?: number } = {}) {
    const memory = createMemoryLogger();
    const accepted: number[] = [];
    const server = createHttpServer({
      logger: memory.logger,
      checkReady: createReadinessCheck({ probes: {} }),
      webhook: {
        path: "/hook",
        secret: SECRET,
        acceptUpdate: async (update) => void accepted.push(update.update_id),
      },
      ...options,
    });
    servers.push(server);
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return { port, lines: memory.lines, accepted };
  }

  const post = (port: number, body: string) =>
    fetch(`http://127.0.0.1:${port}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body,
    });

  it("answers an oversized body 413 and logs it as a warning, not an error", async () => {
    const { port, lines, accepted } = await start();
    const huge = JSON.stringify({ update_id: 1, padding: "x".repeat(2_000_000) });
    const response = await post(port, huge);
    expect(response.status).toBe(413);
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/too large/) }),
    );
    expect(accepted).toEqual([]);
    // The server goes on taking updates.
    expect((await post(port, JSON.stringify({ update_id: 2 }))).status).toBe(200);
    expect(accepted).toEqual([2]);
  });

  it("answers 408 to a body that stops arriving, and logs it as a warning", async () => {
    const { port, lines, accepted } = await start({ bodyTimeoutMs: 300 });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          [
            "POST /hook HTTP/1.1",
            "Host: 127.0.0.1",
            "Content-Type: application/json",
            `X-Telegram-Bot-Api-Secret-Token: ${SECRET}`,
            "Content-Length: 100",
            "",
            '{"update_id": 3',
          ].join("\r\n"),
        );
      });
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (received += chunk));
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/in time/) }),
    );
    expect(accepted).toEqual([]);
  });
});
