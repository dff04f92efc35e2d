import { expect, test } from "vitest";
import { listDescendants } from "../../src/services/body-scope.ts";
import { seedBody } from "../support/seed.ts";
import { describeDatabases } from "./database.ts";

describeDatabases("the bodies below a body", (ctx) => {
  test("come breadth first, siblings by name, from one query however deep", async () => {
    const region = await seedBody(ctx.repos, { code: "R" });
    const b = await seedBody(ctx.repos, { code: "B", nameRu: "Б", parentId: region.id });
    const a = await seedBody(ctx.repos, { code: "A", nameRu: "А", parentId: region.id });
    const deep = await seedBody(ctx.repos, { code: "D", nameRu: "Д", parentId: b.id });
    const deeper = await seedBody(ctx.repos, { code: "E", nameRu: "Е", parentId: deep.id });
    await seedBody(ctx.repos, { code: "X", nameRu: "Чужой" });
    const below = await listDescendants(ctx.repos, region.id);
    expect(below.map((body) => body.code)).toEqual(["A", "B", "D", "E"]);
    expect(await listDescendants(ctx.repos, deeper.id)).toEqual([]);
    expect(a.parentId).toBe(region.id);
  });

  test("stop at a cycle in the parent links instead of looping", async () => {
    const top = await seedBody(ctx.repos, { code: "T" });
    const middle = await seedBody(ctx.repos, { code: "M", parentId: top.id });
    const bottom = await seedBody(ctx.repos, { code: "B", parentId: middle.id });
    await ctx.repos.directory.updateBody(top.id, { parentId: bottom.id });
    const below = await listDescendants(ctx.repos, top.id);
    expect(below.map((body) => body.code).sort()).toEqual(["B", "M"]);
  });
});
