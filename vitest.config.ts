import { defineConfig } from "vitest/config";

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
