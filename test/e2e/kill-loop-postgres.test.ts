import { describeKillLoop } from "./kill-loop-driver.ts";

describeKillLoop({
  title: "on PostgreSQL stores every answer where it was given",
  postgres: true,
  userId: 8102,
  seed: 11,
});
