/**
 * `@coreplus-kit/core/node`: Node-only helpers shared by every Node entry (sandbox, edge API, demo)
 * and every test that starts a server. The rest of core uses Web APIs only; `node:*` imports are
 * allowed in this file alone (Biome's `noRestrictedImports` override for `src/node.ts`).
 *
 * `listen()` binds a `node:http` handler to an exact host and port and never drifts: port 0 picks a
 * free port (tests), and a fixed port that is taken is a {@link PortInUseError}, because the URLs an
 * entry point prints are the ones people bookmark.
 *
 * @example
 * ```ts
 * import { getRequestListener } from "@hono/node-server";
 * import { listen } from "@coreplus-kit/core/node";
 *
 * const server = await listen(getRequestListener(app.fetch), { host: env.HOST, port: 8787 });
 * console.log(`listening on ${server.url}`); // http://127.0.0.1:8787
 * await server.close();
 * ```
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** Where servers bind unless told otherwise (architecture.md "Ports and hosts"). */
export const DEFAULT_HOST = "127.0.0.1";

/** Options of {@link listen}. */
export interface ListenOptions {
  /** Default "127.0.0.1"; entry points pass `HOST`. */
  host?: string | undefined;
  /** Default 0: any free port (what tests use). A fixed port that is taken rejects, never moves. */
  port?: number | undefined;
  /** Appended to the port-in-use message, e.g. "set SANDBOX_PORT to use another port". */
  portHint?: string | undefined;
}

/** Options of {@link Listening.close}. */
export interface CloseOptions {
  /**
   * Let requests in flight finish (idle keep-alive connections still end at once), as a production
   * shutdown should. Default false: every connection is dropped, so a keep-alive browser or a test
   * client can never hold the close open.
   */
  drain?: boolean;
}

/** A listening server. */
export interface Listening {
  /** The origin, e.g. "http://127.0.0.1:5173" (IPv6 hosts in brackets). */
  url: string;
  host: string;
  port: number;
  server: Server;
  /** Stops accepting and resolves once closed; calling it again returns the same promise. */
  close(opts?: CloseOptions): Promise<void>;
}

/** Thrown when the requested port is taken. */
export class PortInUseError extends Error {
  readonly code = "ERR_PORT_IN_USE";
  constructor(
    readonly host: string,
    readonly port: number,
    options: { cause?: unknown; hint?: string | undefined } = {},
  ) {
    super(`Port ${port} on ${host} is already in use${options.hint ? ` (${options.hint})` : ""}`, {
      cause: options.cause,
    });
    this.name = this.constructor.name;
  }
}

/** IPv6 literals need brackets in a URL. */
export function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts `handler` on host:port; rejects with {@link PortInUseError} when a fixed port is taken. */
export async function listen(handler: RequestListener, opts: ListenOptions = {}): Promise<Listening> {
  const host = opts.host?.trim() || DEFAULT_HOST;
  const requested = opts.port ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65_535)
    throw new RangeError(`port must be an integer from 0 to 65535, got ${String(opts.port)}`);

  const server = createServer(handler);
  const sockets = new Set<Socket>();
  let closing = false;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // While draining, a connection whose last response just finished is idle: end it then, rather
  // than leave close() waiting out the client's keep-alive.
  server.on("request", (_req, res) => {
    res.once("finish", () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off("listening", onListening);
      reject(
        err.code === "EADDRINUSE"
          ? new PortInUseError(host, requested, { cause: err, hint: opts.portHint })
          : err,
      );
    };
    const onListening = (): void => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(requested, host);
  });

  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${formatHost(host)}:${port}`,
    host,
    port,
    server,
    close(closeOpts = {}) {
      closed ??= new Promise<void>((resolve, reject) => {
        closing = true;
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
        if (closeOpts.drain) return;
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
