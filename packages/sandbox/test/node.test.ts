/** The Node entry: serveSandbox, state files, port conflicts, and the built program with its signals. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SandboxStateError, serveSandbox } from "../src/node.js";
import { callHttp, FIXED_NOW, handSignedAuthorization } from "./helpers.js";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("serveSandbox", () => {
  test("listens on 127.0.0.1 and answers the API", async () => {
    const server = await serveSandbox({ port: 0, now: () => FIXED_NOW, log: () => {} });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const res = await callHttp(server.url, server.sandbox, "GET", "/Location/");
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test("the url claim is checked against the raw request target, as the client sent it", async () => {
    const { request } = await import("node:http");
    const server = await serveSandbox({ port: 0, now: () => FIXED_NOW, log: () => {} });
    try {
      // Python's requests leaves ' unencoded and signs what it sends; with a %-escape in the same
      // target, the Node adapter normalises request.url through the WHATWG parser (' becomes %27).
      const target = "/API/Core/v2.1/Client/?name=O'Brien&email=ob%40example.com";
      const authorization = handSignedAuthorization(
        server.sandbox.credentials,
        "GET",
        `${server.url}${target}`,
      );
      const status = await new Promise<number>((done, fail) => {
        const req = request(
          { host: "127.0.0.1", port: server.port, path: target, headers: { authorization } },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        );
        req.on("error", fail);
        req.end();
      });
      expect(status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test("a taken port is a clear error, never another port", async () => {
    const first = await serveSandbox({ port: 0, log: () => {} });
    try {
      await expect(serveSandbox({ port: first.port, log: () => {} })).rejects.toThrow(
        `Port ${first.port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await first.close();
    }
  });

  test("the state file is written on close and read back on start the same day", async () => {
    const stateFile = join(dir, "same-day.json");
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const first = await serveSandbox({ port: 0, now: () => FIXED_NOW, stateFile, log });
    expect(lines.join("\n")).toMatch(/no state file/);
    const created = await callHttp<{ client: { clientId: string } }>(
      first.url,
      first.sandbox,
      "POST",
      "/Client/",
      {
        body: { firstName: "Kept", lastName: "Across", dateOfBirth: "1980-01-01" },
      },
    );
    await first.close();
    expect(existsSync(stateFile)).toBe(true);

    const later = new Date(FIXED_NOW.getTime() + 3 * 3_600_000);
    const second = await serveSandbox({ port: 0, now: () => later, stateFile, log });
    try {
      expect(lines.at(-1)).toMatch(/restored state from/);
      const got = await callHttp(
        second.url,
        second.sandbox,
        "GET",
        `/Client/${created.body.client.clientId}/`,
      );
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ firstName: "Kept", lastName: "Across" });
    } finally {
      await second.close();
    }
  });

  test("family records and appointment history are kept in the state file; a file without them still loads", async () => {
    const stateFile = join(dir, "family-history.json");
    const first = await serveSandbox({
      port: 0,
      now: () => FIXED_NOW,
      stateFile,
      rateLimit: false,
      log: () => {},
    });
    const clientId = [...first.sandbox.store.clients.keys()][0] ?? "";
    const family = await callHttp<{ familyId: string }>(first.url, first.sandbox, "POST", "/ClientFamily/", {
      body: { clientId, firstName: "Kept", surname: "Carer", relationship: "Guardian" },
    });
    expect(family.status).toBe(200);
    const booked = [...first.sandbox.store.appointments.values()].find((a) => a.status === "Booked");
    if (!booked) throw new Error("no booked appointment");
    const cancel = await callHttp(first.url, first.sandbox, "POST", `/Appointment/${booked.appointmentId}/`, {
      body: { deleted: true },
    });
    expect(cancel.status).toBe(200);
    await first.close();

    const second = await serveSandbox({ port: 0, now: () => FIXED_NOW, stateFile, log: () => {} });
    try {
      expect(second.sandbox.store.familyOf(clientId).map((f) => f.familyId)).toEqual([family.body.familyId]);
      expect(second.sandbox.store.historyOf(booked.appointmentId).map((h) => h.action)).toEqual([
        "cancelled",
      ]);
    } finally {
      await second.close();
    }

    const older = JSON.parse(readFileSync(stateFile, "utf8")) as { store: Record<string, unknown> };
    delete older.store.families;
    delete older.store.history;
    writeFileSync(stateFile, JSON.stringify(older));
    const third = await serveSandbox({ port: 0, now: () => FIXED_NOW, stateFile, log: () => {} });
    try {
      expect(third.sandbox.store.families.size).toBe(0);
      expect(third.sandbox.store.historyOf(booked.appointmentId)).toEqual([]);
      expect(third.sandbox.store.appointment(booked.appointmentId)?.status).toBe("Cancelled");
    } finally {
      await third.close();
    }
  });

  test("a file saved on an earlier day is reseeded, with a log line", async () => {
    const stateFile = join(dir, "earlier-day.json");
    const first = await serveSandbox({ port: 0, now: () => FIXED_NOW, stateFile, log: () => {} });
    first.sandbox.store.clients.clear();
    await first.close();
    const lines: string[] = [];
    const nextDay = new Date(FIXED_NOW.getTime() + 24 * 3_600_000);
    const second = await serveSandbox({ port: 0, now: () => nextDay, stateFile, log: (l) => lines.push(l) });
    try {
      expect(lines.join("\n")).toMatch(/saved on 2026-05-19, an earlier day; reseeding around 2026-05-20/);
      expect(second.sandbox.store.clients.size).toBeGreaterThanOrEqual(120);
    } finally {
      await second.close();
    }
  });

  test("a damaged or foreign file is a clear error, not a silent reset", async () => {
    const damaged = join(dir, "damaged.json");
    writeFileSync(damaged, '{"format":"coreplus-kit-sandbox-state","version":1,"seed":1,"sto');
    const error = await serveSandbox({ port: 0, stateFile: damaged, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxStateError);
    expect((error as Error).message).toMatch(/damaged.json is not valid JSON/);
    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, JSON.stringify({ hello: "world" }));
    await expect(serveSandbox({ port: 0, stateFile: foreign, log: () => {} })).rejects.toThrow(
      /is not a sandbox state file/,
    );
    expect(readFileSync(foreign, "utf8")).toBe(JSON.stringify({ hello: "world" }));
  });
});

describe("built programs: the sandbox (node dist/node.js, what `start` runs) and core's CLI", () => {
  beforeAll(() => {
    // `start` builds through turbo; do the same (a cache hit when the build is current).
    execFileSync(
      resolve(packageDir, "../../node_modules/.bin/turbo"),
      ["run", "build", "--filter=@coreplus-kit/sandbox...", "--output-logs=errors-only"],
      { cwd: packageDir, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }, stdio: "ignore" },
    );
  }, 120_000);

  function start(env: Record<string, string>): {
    child: ChildProcess;
    output: () => string;
    ready: Promise<string>;
  } {
    const child = spawn(process.execPath, ["dist/node.js"], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? "", SANDBOX_PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const ready = new Promise<string>((resolveUrl, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) resolveUrl(m[1]);
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    return { child, output: () => out, ready };
  }
  const exited = (child: ChildProcess) =>
    new Promise<number | null>((done) => {
      if (child.exitCode !== null) done(child.exitCode);
      else child.on("exit", (code) => done(code));
    });

  /** Runs core's built CLI (the committed bin) against `baseUrl`. */
  async function coreplusCli(baseUrl: string, args: string[]) {
    const child = spawn(process.execPath, [resolve(packageDir, "../core/bin/coreplus.js"), ...args], {
      env: { PATH: process.env.PATH ?? "", COREPLUS_BASE_URL: baseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    return { code: await exited(child), stdout, stderr };
  }

  test("prints the base URL and dev credentials, serves, and stops cleanly on SIGTERM writing its state", async () => {
    const stateFile = join(dir, "program.json");
    const run = start({ SANDBOX_STATE_FILE: stateFile });
    const url = await run.ready;
    expect(run.output()).toContain("coreplus-kit-dev-secret");
    expect(run.output()).toContain("00000000-0000-4000-8000-00000000c0de");
    expect(run.output()).toContain("sandbox-admin-dev");
    const root = await fetch(`${url}/`);
    expect(await root.json()).toMatchObject({ clinic: "Harbourside Health" });
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
    expect(existsSync(stateFile)).toBe(true);
  });

  test("never prints a secret that is not the development one; SIGINT also stops it", async () => {
    const run = start({
      COREPLUS_CONSUMER_ID: "acme",
      COREPLUS_CONSUMER_SECRET: "super-secret-value",
      COREPLUS_ACCESS_TOKEN: "token-value-123",
      SANDBOX_ADMIN_TOKEN: "admin-value-456",
    });
    await run.ready;
    expect(run.output()).toContain("acme");
    for (const secret of ["super-secret-value", "token-value-123", "admin-value-456"]) {
      expect(run.output()).not.toContain(secret);
    }
    run.child.kill("SIGINT");
    expect(await exited(run.child)).toBe(0);
  });

  test("a damaged state file: a clear error and a non-zero exit", async () => {
    const damaged = join(dir, "program-damaged.json");
    writeFileSync(damaged, "not json at all");
    const run = start({ SANDBOX_STATE_FILE: damaged });
    run.ready.catch(() => {});
    expect(await exited(run.child)).not.toBe(0);
    expect(run.output()).toMatch(/program-damaged.json is not valid JSON/);
  });

  test("`coreplus appointment get <id>` and `coreplus appointment cancel <id>` against the sandbox", async () => {
    const server = await serveSandbox({ port: 0, now: () => FIXED_NOW, log: () => {} });
    const cli = (...args: string[]) => coreplusCli(server.url, args);
    try {
      const booked = [...server.sandbox.store.appointments.values()].find(
        (a) => a.status === "Booked" && a.start > FIXED_NOW.getTime(),
      );
      if (!booked) throw new Error("no booked appointment");
      const got = await cli("appointment", "get", booked.appointmentId);
      expect(got.code, got.stderr).toBe(0);
      expect(JSON.parse(got.stdout)).toMatchObject({ appointmentId: booked.appointmentId, status: "Booked" });
      expect(JSON.parse(got.stdout).practitioner.lastName).toBeTruthy();

      const cancelled = await cli(
        "appointment",
        "cancel",
        booked.appointmentId,
        "--notes",
        "Called the clinic",
      );
      expect(cancelled.code, cancelled.stderr).toBe(0);
      expect(JSON.parse(cancelled.stdout)).toMatchObject({
        appointmentId: booked.appointmentId,
        status: "Cancelled",
      });
      expect(server.sandbox.store.appointment(booked.appointmentId)).toMatchObject({
        status: "Cancelled",
        cancellationNotes: "Called the clinic",
      });

      const missing = await cli("appointment", "get", "00000000-0000-4000-8000-000000000000");
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^coreplus: ERR_COREPLUS_NOT_FOUND \(HTTP 404\)/);
    } finally {
      await server.close();
    }
  });

  test("`coreplus get /client/ --all` lists every seeded client", async () => {
    const server = await serveSandbox({ port: 0, now: () => FIXED_NOW, log: () => {} });
    try {
      const { code, stdout, stderr } = await coreplusCli(server.url, ["get", "/client/", "--all"]);
      expect(code, stderr).toBe(0);
      const listed = JSON.parse(stdout) as { clients: { clientId: string }[] };
      const seeded = [...server.sandbox.store.clients.values()].map((c) => c.clientId).sort();
      expect(listed.clients.map((c) => c.clientId).sort()).toEqual(seeded);
      expect(listed.clients.length).toBeGreaterThanOrEqual(120);
    } finally {
      await server.close();
    }
  });
});
