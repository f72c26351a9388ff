import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8"));

describe("manifest.json", () => {
  it("declares the command, scopes, Home tab, event and interactivity the bot uses", () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: "/appointments", url: expect.stringMatching(/\/slack\/events$/) }),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["chat:write", "commands", "users:read", "users:read.email"].sort(),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
  });
});
