import { describeKillLoop } from "./kill-loop-driver.ts";

describeKillLoop({
  title: "on the embedded database stores every answer where it was given",
  postgres: false,
  userId: 8101,
  seed: 7,
});
