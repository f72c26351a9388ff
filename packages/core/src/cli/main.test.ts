import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { DEV_ACCESS_TOKEN, DEV_CONSUMER_ID, DEV_CONSUMER_SECRET } from "../dev.js";
import { verifyRequestToken } from "../jwt/index.js";
import { main } from "./main.js";

const NOW = Date.UTC(2026, 2, 1, 0, 0, 0);
const NBF = NOW / 1000;
const GUID = "0b0e5a5e-1c1d-4e2f-8a3b-4c5d6e7f8091";

async function run(argv: string[], env: Record<string, string | undefined> = {}, now = NOW) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    now: () => now,
  });
  return { code, stdout, stderr };
}

const b64 = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");
function hs256(claims: object, secret: string, header: object = { alg: "HS256", typ: "JWT" }): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}
const devClaims = {
  iss: "coreplus-kit",
  aud: "https://sandbox.coreplus.com.au",
  nbf: NBF,
  exp: NBF + 60,
  consumerId: DEV_CONSUMER_ID,
  accessToken: DEV_ACCESS_TOKEN,
  url: "http://127.0.0.1:4010/API/Core/v2.1/Location/",
  httpMethod: "GET",
};

describe("coreplus --help", () => {
  test("top level and every command, as a flag and as `help <command>`", async () => {
    const top = await run(["--help"]);
    expect(top).toMatchObject({ code: 0, stderr: "" });
    for (const command of ["token", "decode", "get", "post", "appointment", "config"]) {
      expect(top.stdout).toContain(`  ${command}`);
      const flag = await run([command, "--help"]);
      expect(flag.code).toBe(0);
      expect(flag.stdout).toContain(`Usage: coreplus ${command}`);
      expect((await run(["help", command])).stdout).toBe(flag.stdout);
    }
    expect((await run(["-h"])).stdout).toBe(top.stdout);
    expect((await run(["help"])).stdout).toBe(top.stdout);
  });

  test("no command prints the help on stderr with exit 2", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Usage: coreplus <command>");
  });
});

describe("coreplus --version", () => {
  test("prints the package version, and the help names both version flags", async () => {
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ["--version", "-v"]) {
      expect(await run([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    }
    const help = (await run(["--help"])).stdout;
    expect(help).toMatch(/--api-version <v2\|v2.1>\s+coreplus API version/);
    expect(help).toMatch(/-v, --version\s+print the version/);
  });
});

describe("usage errors: one line on stderr, exit 2", () => {
  test.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["token", "--nope"], /--nope/],
    [["token", "GET"], /usage: coreplus token <METHOD> <URL>/],
    [["token", "G E T", "/x"], /not an HTTP method/],
    [["token", "GET", "/x", "--all"], /--all is not an option of "coreplus token"/],
    [["get", "/Client/", "--data", "{}"], /--data is not an option/],
    [["get", "/Client/", "--api-version", "v3"], /--api-version must be v2 or v2.1/],
    [["get", "/Client/", "--version", "v2"], /--version prints the CLI's version.*--api-version <v2\|v2.1>/],
    [["--version", "v2.1"], /the API version is --api-version/],
    [["get", "/Client/", "--base-url", "ftp://x"], /absolute http\(s\) URL/],
    [["token", "GET", "/x", "--consumer-secret", ""], /--consumer-secret must not be empty/],
    [["post", "/Client/"], /--data/],
    [["post", "/Client/", "--data", "{oops"], /--data is not valid JSON/],
    [
      ["post", "/Client/", "--data", "@/nonexistent/body.json"],
      /cannot read \/nonexistent\/body.json \(ENOENT\)/,
    ],
    [["help", "nope"], /no help for "nope"/],
    [["token", "GET", "/x", "--api-version"], /--api-version takes the coreplus API version: v2 or v2.1/],
    [["decode"], /usage: coreplus decode <jwt>/],
    [["appointment"], /usage: coreplus appointment <get\|cancel> <appointmentId>/],
    [["appointment", "get"], /usage: coreplus appointment/],
    [["appointment", "move", "x"], /unknown appointment action "move" \(get or cancel\)/],
    [["appointment", "get", "100234"], /"100234" is not an appointment id \(a GUID\)/],
    [
      ["appointment", "get", GUID, "--notes", "x"],
      /--reason-id and --notes are options of "coreplus appointment cancel" only/,
    ],
    [["appointment", "cancel", GUID, "extra"], /usage: coreplus appointment/],
    [["get", "/Client/", "--notes", "x"], /--notes is not an option of "coreplus get"/],
  ])("%j", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("coreplus token", () => {
  test("signs a path against the dev defaults; coreplus's verifier accepts it for that request only", async () => {
    const result = await run(["token", "get", "/Location/?pageSize=5"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const jwt = result.stdout.trim();
    const url = "http://127.0.0.1:4010/API/Core/v2.1/Location/?pageSize=5";
    const lookupConsumer = (id: string) =>
      id === DEV_CONSUMER_ID
        ? { consumerSecret: DEV_CONSUMER_SECRET, isAccessTokenValid: (t: string) => t === DEV_ACCESS_TOKEN }
        : undefined;
    const verified = await verifyRequestToken(`JwToken ${jwt}`, {
      method: "GET",
      url,
      now: () => NOW,
      lookupConsumer,
    });
    expect(verified).toMatchObject({ ok: true, claims: { nbf: NBF, exp: NBF + 60, url, httpMethod: "GET" } });
    const other = await verifyRequestToken(`JwToken ${jwt}`, {
      method: "GET",
      url: url.replace("pageSize=5", "pageSize=6"),
      now: () => NOW,
      lookupConsumer,
    });
    expect(other).toMatchObject({ ok: false, reason: "url_mismatch" });
  });

  test("environment over defaults, flags over environment; --header and full URLs", async () => {
    const env = {
      COREPLUS_BASE_URL: "https://sandbox.coreplus.com.au",
      COREPLUS_CONSUMER_ID: "env-consumer",
      COREPLUS_CONSUMER_SECRET: "env-secret-env-secret",
      COREPLUS_ACCESS_TOKEN: "env-access-token",
    };
    const fromEnv = await run(["token", "POST", "Client/"], env);
    const claims = JSON.parse(Buffer.from(fromEnv.stdout.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({
      consumerId: "env-consumer",
      accessToken: "env-access-token",
      url: "https://sandbox.coreplus.com.au/API/Core/v2.1/Client/",
      httpMethod: "POST",
    });
    expect(fromEnv.stdout.trim()).toBe(hs256({ ...devClaims, ...claims }, "env-secret-env-secret"));

    const flagged = await run(
      [
        "token",
        "GET",
        "http://localhost:9/API/Core/v2/Location/",
        "--consumer-secret",
        "flag-secret",
        "--header",
      ],
      env,
    );
    expect(flagged.stdout).toMatch(/^JwToken [\w-]+\.[\w-]+\.[\w-]+\n$/);
    const jwt = flagged.stdout.trim().slice("JwToken ".length);
    expect(JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()).url).toBe(
      "http://localhost:9/API/Core/v2/Location/",
    );
    expect(jwt.split(".")[2]).toBe(
      hs256(JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()), "flag-secret").split(".")[2],
    );

    const v2 = await run([
      "token",
      "GET",
      "/Location/",
      "--api-version",
      "v2",
      "--base-url",
      "http://h:1/API/Core/v2.1/",
    ]);
    expect(JSON.parse(Buffer.from(v2.stdout.split(".")[1]!, "base64url").toString()).url).toBe(
      "http://h:1/API/Core/v2/Location/",
    );
  });
});

describe("coreplus decode", () => {
  test("a good dev token: header, claims, times and an OK verdict, exit 0", async () => {
    const result = await run(["decode", hs256(devClaims, DEV_CONSUMER_SECRET)], {}, NOW + 10_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"alg": "HS256"');
    expect(result.stdout).toContain(`"accessToken": "${DEV_ACCESS_TOKEN}"`);
    expect(result.stdout).toContain("nbf:       2026-03-01T00:00:00.000Z (10 s ago)");
    expect(result.stdout).toContain("exp:       2026-03-01T00:01:00.000Z (in 50 s)");
    expect(result.stdout).toContain(
      "signature: matches the configured consumer secret (development default)",
    );
    expect(result.stdout).toContain("OK: coreplus would accept this token");
  });

  test.each([
    ["expired", { ...devClaims, nbf: NBF - 120, exp: NBF - 60 }, {}, "expired: exp passed 60 s ago"],
    [
      "not yet valid",
      { ...devClaims, nbf: NBF + 30, exp: NBF + 90 },
      {},
      "not yet valid: nbf is 30 s in the future",
    ],
    ["lifetime too long", { ...devClaims, exp: NBF + 7200 }, {}, "lifetime too long: exp - nbf is 7200 s"],
    ["a missing claim", { ...devClaims, url: undefined }, {}, "missing claim: the url claim is missing"],
    ["wrong alg", devClaims, { alg: "HS512", typ: "JWT" }, 'wrong alg: alg is "HS512"'],
  ])(
    "says plainly that coreplus would reject a token that is %s (exit 1)",
    async (_name, claims, header, line) => {
      const jwt =
        "alg" in header ? hs256(claims, DEV_CONSUMER_SECRET, header) : hs256(claims, DEV_CONSUMER_SECRET);
      const result = await run(["decode", `JwToken ${jwt}`]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("coreplus would reject this token:");
      expect(result.stdout).toContain(`  - ${line}`);
    },
  );

  test("alg none, a wrong secret, and a token of another consumer", async () => {
    const none = `${b64({ alg: "none" })}.${b64(devClaims)}.`;
    expect((await run(["decode", none])).stdout).toContain('wrong alg: alg is "none"');
    const forged = await run(["decode", hs256(devClaims, "not-the-secret")]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain(
      "bad signature: the signature does NOT match the configured consumer secret",
    );
    const foreign = await run(["decode", hs256({ ...devClaims, consumerId: "x" }, "s")]);
    expect(foreign.code).toBe(0);
    expect(foreign.stdout).toContain(
      "signature: not checked: the token's consumerId is not the configured one",
    );
  });

  test("hides a real access token, and --json gives one object", async () => {
    const claims = { ...devClaims, accessToken: "real-practice-token-123456" };
    const result = await run(["decode", hs256(claims, DEV_CONSUMER_SECRET), "--json"], {}, NOW);
    expect(result.stdout).not.toContain("real-practice-token-123456");
    expect(JSON.parse(result.stdout)).toEqual({
      header: { alg: "HS256", typ: "JWT" },
      claims: { ...devClaims, accessToken: "[hidden: 26 chars, ends …3456]" },
      problems: [],
      signature: "valid",
    });
  });

  test("not a JWT", async () => {
    const result = await run(["decode", "hello"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("not a JWT: not a compact JWS");
  });
});

describe("coreplus config", () => {
  test("prints the dev secret, but never a real one", async () => {
    const dev = await run(["config"]);
    expect(dev.code).toBe(0);
    expect(dev.stdout).toContain(`consumer secret: ${DEV_CONSUMER_SECRET} (development default)`);
    expect(dev.stdout).toContain("API base:        http://127.0.0.1:4010/API/Core/v2.1 (version v2.1)");
    const real = await run(["config", "--access-token", "practice-token-abcdef-123"], {
      COREPLUS_CONSUMER_SECRET: "a-real-consumer-secret",
    });
    expect(real.stdout).not.toContain("a-real-consumer-secret");
    expect(real.stdout).not.toContain("practice-token-abcdef-123");
    expect(real.stdout).toContain("consumer secret: [hidden: 22 chars] (environment)");
    expect(real.stdout).toContain("access token:    [hidden: 25 chars, ends …-123] (flag)");
  });
});
