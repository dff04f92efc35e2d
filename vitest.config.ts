import { defineConfig } from "vitest/config";

// Every date people read follows TIME_ZONE (default Asia/Almaty), never the machine's zone: the
// tests and the bot processes they start run in a zone with daylight saving far from Almaty.
process.env.TZ = "America/New_York";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file brings its own emulator port and database; two cores limit useful parallelism.
    maxWorkers: 2,
  },
});
