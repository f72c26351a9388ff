/**
 * Binds a node:http server to an exact host and port (0 = any free port) and never drifts: a port in
 * use is a {@link PortInUseError}, because the demo's URLs are printed and bookmarked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** Thrown when the requested port is taken. */
export class PortInUseError extends Error {
  readonly code = "ERR_DEMO_PORT_IN_USE";
  constructor(
    readonly host: string,
    readonly port: number,
    cause: unknown,
  ) {
    super(`Port ${port} on ${host} is already in use`, { cause });
    this.name = this.constructor.name;
  }
}

/** A listening server. */
export interface Listening {
  /** The origin, e.g. "http://127.0.0.1:5173". */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, ends idle and open connections, resolves when closed. */
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts `handler` on host:port; rejects with {@link PortInUseError} when the port is taken. */
export async function listen(handler: Handler, opts: { host: string; port: number }): Promise<Listening> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off("listening", onListening);
      reject(err.code === "EADDRINUSE" ? new PortInUseError(opts.host, opts.port, err) : err);
    };
    const onListening = (): void => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(opts.port, opts.host);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${formatHost(opts.host)}:${port}`,
    port,
    server,
    close: () => closeServer(server, sockets),
  };
}

/** Closes a server and destroys its remaining sockets so a keep-alive browser cannot hold it open. */
export function closeServer(server: Server, sockets?: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeIdleConnections();
    for (const socket of sockets ?? []) socket.destroy();
    server.closeAllConnections();
  });
}

/** IPv6 literals need brackets in a URL. */
export function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}
