import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { formatHost, type Listening, listen, PortInUseError } from "./node.ts";

const open: Listening[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

async function started(...args: Parameters<typeof listen>): Promise<Listening> {
  const server = await listen(...args);
  open.push(server);
  return server;
}

const hello = started.bind(null, (_req, res) => res.end("hello"));

/** A GET, by default over a pooled keep-alive connection (the socket stays open after the response). */
function get(url: string, agent?: false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const opts = { headers: { connection: "keep-alive" }, ...(agent === false ? { agent } : {}) };
    const req = httpRequest(url, opts, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("listen", () => {
  it("binds 127.0.0.1 on a free port by default and serves the handler", async () => {
    const server = await hello();
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await get(`${server.url}/`)).toEqual({ status: 200, body: "hello" });
  });

  it("binds the host it is given (blank means the default)", async () => {
    const server = await hello({ host: "  ", port: 0 });
    expect(server.host).toBe("127.0.0.1");
    const other = await hello({ host: "127.0.0.2", port: 0 }).catch((err: NodeJS.ErrnoException) => err);
    // 127.0.0.2 is loopback on Linux; where it is not, binding fails with the OS's own error, never moves.
    if (other instanceof Error) expect((other as NodeJS.ErrnoException).code).toBe("EADDRNOTAVAIL");
    else expect(other.url).toBe(`http://127.0.0.2:${other.port}`);
  });

  it("rejects a taken fixed port with PortInUseError, never another port", async () => {
    const first = await hello();
    const err = await hello({ port: first.port, portHint: "set X_PORT to use another port" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PortInUseError);
    expect(err).toMatchObject({
      name: "PortInUseError",
      code: "ERR_PORT_IN_USE",
      host: "127.0.0.1",
      port: first.port,
      message: `Port ${first.port} on 127.0.0.1 is already in use (set X_PORT to use another port)`,
    });
    expect((err as Error).cause).toMatchObject({ code: "EADDRINUSE" });
  });

  it("refuses a port that is not a port", async () => {
    await expect(hello({ port: 70_000 })).rejects.toThrow(
      new RangeError("port must be an integer from 0 to 65535, got 70000"),
    );
    await expect(hello({ port: 1.5 })).rejects.toThrow(RangeError);
  });

  it("close() ends open keep-alive connections instead of waiting for them, and can be called twice", async () => {
    const server = await hello();
    await get(`${server.url}/`);
    expect(server.server.listening).toBe(true);
    const t0 = performance.now();
    await server.close();
    await server.close();
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(server.server.listening).toBe(false);
    await expect(get(`${server.url}/`, false)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("close() drops a request in flight; close({ drain: true }) lets it finish", async () => {
    const slow = (ms: number) =>
      started((_req, res) => {
        setTimeout(() => res.end("late"), ms);
      });
    const dropped = await slow(300);
    const pendingDropped = get(`${dropped.url}/`);
    await new Promise((r) => setTimeout(r, 50));
    await dropped.close();
    await expect(pendingDropped).rejects.toMatchObject({ code: "ECONNRESET" });

    const drained = await slow(150);
    const pendingDrained = get(`${drained.url}/`);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await drained.close({ drain: true });
    expect(await pendingDrained).toEqual({ status: 200, body: "late" });
    // Once the response is out, its keep-alive connection ends too: close() does not wait for the client.
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe("formatHost", () => {
  it("brackets IPv6 literals only", () => {
    expect(formatHost("::1")).toBe("[::1]");
    expect(formatHost("127.0.0.1")).toBe("127.0.0.1");
    expect(formatHost("localhost")).toBe("localhost");
  });
});
