import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET_APPOINTMENTS_FUNCTION } from "./listeners/functions/get-appointments.js";

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
    // Morning messages arrive as DMs on the app's Messages tab (read-only: the bot takes no replies).
    expect(manifest.features.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
  });

  it("declares the Get appointments step with the inputs and outputs the listener uses", () => {
    expect(manifest.settings.function_runtime).toBe("remote");
    const step = manifest.functions[GET_APPOINTMENTS_FUNCTION];
    expect(step.title).toBe("Get appointments");
    expect(Object.keys(step.input_parameters).sort()).toEqual(["date", "practitioner"]);
    expect(step.output_parameters.text.type).toBe("string");
    expect(step.output_parameters.count.type).toBe("integer");
  });
});
