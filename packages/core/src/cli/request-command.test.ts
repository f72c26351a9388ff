import { mkdtemp, writeFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { verifyRequestToken } from "../jwt/index.js";
import { type Listening, listen } from "../node.js";
import { main } from "./main.js";

const CONSUMER = "cli-test-consumer";
const SECRET = "cli-test-secret-not-dev";
const ACCESS = "cli-test-access-token";
const CLIENTS = Array.from({ length: 250 }, (_, i) => ({
  clientId: `c-${String(i).padStart(3, "0")}`,
  lastName: `L${i}`,
}));

const APPOINTMENT_ID = "0b0e5a5e-1c1d-4e2f-8a3b-4c5d6e7f8091";
const APPOINTMENT = {
  appointmentId: APPOINTMENT_ID,
  appointmentReferenceNumber: "100321",
  status: "Booked",
  practitioner: {
    practitionerId: "7e5e8f3f-af3e-4911-b2a4-92811ab10ffc",
    firstName: "Jack",
    lastName: "Thompson",
  },
  subject: "",
  notes: "",
  locationId: "a7196f6a-4945-42b8-8e3e-ea70d2e0ef78",
  appointmentTypeId: null,
  startDateTime: "2026-06-02T09:00:00 +10:00",
  endDateTime: "2026-06-02T09:30:00 +10:00",
  clients: [{ clientId: "5991c28c-54a2-47ed-b93d-b28914b5b7ae" }],
  notifyPractitioner: false,
};

interface Seen {
  method: string;
  url: string;
  body: string;
  contentType: string | undefined;
}
let server: Listening;
let baseUrl: string;
let seen: Seen[] = [];
let maxPageSize = 100;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = await listen(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", baseUrl);
    seen.push({ method: req.method ?? "", url: url.href, body, contentType: req.headers["content-type"] });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    };
    // Every request is checked exactly as the sandbox checks it.
    const verdict = await verifyRequestToken(req.headers.authorization, {
      method: req.method ?? "GET",
      url,
      contentType: req.headers["content-type"] ?? null,
      hasBody: body.length > 0,
      lookupConsumer: (id) =>
        id === CONSUMER ? { consumerSecret: SECRET, isAccessTokenValid: (t) => t === ACCESS } : undefined,
    });
    if (!verdict.ok) return send(401, { result: [{ severity: 2, reason: "Invalid token" }] });
    const path = url.pathname.toLowerCase();
    if (path === "/api/core/v2.1/client/" && req.method === "GET") {
      const pageNumber = Number(url.searchParams.get("pageNumber") ?? 1);
      const pageSize = Math.min(Number(url.searchParams.get("pageSize") ?? 50), maxPageSize);
      const page = CLIENTS.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
      return send(200, {
        clients: page,
        paging: { pageNumber, pageSize, totalRows: CLIENTS.length },
        statusMessages: [],
      });
    }
    if (path === "/api/core/v2.1/client/" && req.method === "POST") {
      return send(200, { client: { clientId: "new-client", echo: JSON.parse(body) } });
    }
    if (path === `/api/core/v2.1/appointment/${APPOINTMENT_ID}/`) {
      const cancelled = req.method === "POST";
      return send(200, {
        appointment: {
          ...APPOINTMENT,
          status: cancelled ? "Cancelled" : "Booked",
          ...(cancelled ? { cancellationNotes: JSON.parse(body).cancellationNotes ?? null } : {}),
        },
      });
    }
    if (path === "/api/core/v2.1/location/l1/")
      return send(200, { location: { locationId: "l1", name: "Harbourside" } });
    return send(404, { result: [{ severity: 2, reason: "Not found" }] });
  });
  baseUrl = server.url;
});

afterAll(() => server.close());

beforeEach(() => {
  seen = [];
  maxPageSize = 100;
});

async function run(argv: string[], secret = SECRET) {
  let stdout = "";
  let stderr = "";
  const env = {
    COREPLUS_BASE_URL: baseUrl,
    COREPLUS_CONSUMER_ID: CONSUMER,
    COREPLUS_CONSUMER_SECRET: secret,
    COREPLUS_ACCESS_TOKEN: ACCESS,
  };
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}

describe("coreplus get", () => {
  test("makes one signed GET and prints the pretty JSON", async () => {
    const result = await run(["get", "/Client/?pageSize=2&pageNumber=3"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      `${JSON.stringify({ clients: CLIENTS.slice(4, 6), paging: { pageNumber: 3, pageSize: 2, totalRows: 250 }, statusMessages: [] }, null, 2)}\n`,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("GET");
  });

  test("--all follows every page and prints the merged list", async () => {
    const result = await run(["get", "/Client/", "--all"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({ clients: CLIENTS });
    expect(seen.map((s) => new URL(s.url).searchParams.get("pageNumber"))).toEqual(["1", "2", "3"]);
  });

  test("--all copes with a server that clamps the page size", async () => {
    maxPageSize = 40;
    const result = await run(["get", "client?pageSize=500", "--all"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).clients).toHaveLength(250);
    expect(seen).toHaveLength(7);
  });

  test("--all on something that is not a list fails with one line, exit 1", async () => {
    const result = await run(["get", "/Location/l1/", "--all"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^coreplus: page 1 of \/Location\/l1\/ is not a list envelope/);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  test("a refused token is one line on stderr with the error code, exit 1, and no secret", async () => {
    const result = await run(["get", "/Client/"], "the-wrong-secret-value");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^coreplus: ERR_COREPLUS_AUTH \(HTTP 401\): .*Invalid token/);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain("the-wrong-secret-value");
    expect(result.stderr).not.toContain(ACCESS);
  });

  test("an unreachable server is one line naming the URL and the cause", async () => {
    const closed = await listen(() => {});
    const { port } = closed;
    await closed.close();
    let stderr = "";
    const code = await main(["get", "/Location/", "--base-url", `http://127.0.0.1:${port}`], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `coreplus: ERR_COREPLUS_NETWORK: coreplus request GET failed before a response arrived; ` +
        `GET http://127.0.0.1:${port}/API/Core/v2.1/Location/; connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  test("a 404 maps to its code", async () => {
    const result = await run(["get", "/Nothing/"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^coreplus: ERR_COREPLUS_NOT_FOUND \(HTTP 404\)/);
  });
});

describe("coreplus post", () => {
  test("sends the JSON body, signed, with Content-Type, and prints the response", async () => {
    const body = { firstName: "Ann", lastName: "Lee", dateOfBirth: "1990-02-03" };
    const result = await run(["post", "/Client/", "--data", JSON.stringify(body)]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({ client: { clientId: "new-client", echo: body } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", body: JSON.stringify(body) });
    expect(seen[0]?.contentType).toMatch(/^application\/json/);
  });

  test("--data @file reads the body from a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "coreplus-cli-"));
    const file = join(dir, "body.json");
    await writeFile(file, '{"firstName":"Bo","lastName":"Chen","dateOfBirth":"2001-12-31"}');
    const result = await run(["post", "/Client/", "--data", `@${file}`]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).client.echo.firstName).toBe("Bo");
  });
});

describe("coreplus appointment", () => {
  test("get: one signed GET with profiles and cancellation fields; prints the typed appointment", async () => {
    const result = await run(["appointment", "get", APPOINTMENT_ID.toUpperCase()]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({
      appointmentId: APPOINTMENT_ID,
      status: "Booked",
      startDateTime: "2026-06-02T09:00:00+10:00",
      practitioner: { lastName: "Thompson" },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("GET");
    expect(new URL(seen[0]?.url ?? "").search).toBe("?getPractitionerProfiles=true&cancellationId=true");
  });

  test("cancel: one POST of {deleted: true} with the notes; prints the cancelled appointment", async () => {
    const result = await run(["appointment", "cancel", APPOINTMENT_ID, "--notes", "Called to cancel"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: "Cancelled",
      cancellationNotes: "Called to cancel",
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST" });
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ deleted: true, cancellationNotes: "Called to cancel" });
  });

  test("an unknown appointment is one line with the not-found code, exit 1", async () => {
    const result = await run(["appointment", "cancel", "00000000-0000-4000-8000-000000000000"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^coreplus: ERR_COREPLUS_NOT_FOUND \(HTTP 404\)/);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
