/**
 * `pnpm demo`: starts the sandbox, edge API, Slack bot and demo site on 127.0.0.1 (ports from
 * SANDBOX_PORT, EDGE_API_PORT, SLACKBOT_PORT, DEMO_PORT; HOST to bind elsewhere; DEMO_PUBLIC_API and
 * DEMO_PUBLIC_SCRIPT for the playground snippet's public addresses), prints the URLs, and
 * stops everything on Ctrl-C. Needs no network.
 */
import process from "node:process";
import { PortInUseError } from "@coreplus-kit/core/node";
import { DEFAULT_PORTS, startDemo } from "./start-demo.js";

const PORT_VARIABLES = {
  site: "DEMO_PORT",
  sandbox: "SANDBOX_PORT",
  edgeApi: "EDGE_API_PORT",
  slackbot: "SLACKBOT_PORT",
} as const;

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const ports = {
    site: portFrom(PORT_VARIABLES.site, DEFAULT_PORTS.site),
    sandbox: portFrom(PORT_VARIABLES.sandbox, DEFAULT_PORTS.sandbox),
    edgeApi: portFrom(PORT_VARIABLES.edgeApi, DEFAULT_PORTS.edgeApi),
    slackbot: portFrom(PORT_VARIABLES.slackbot, DEFAULT_PORTS.slackbot),
  };
  const host = process.env.HOST?.trim() || "127.0.0.1";
  let demo: Awaited<ReturnType<typeof startDemo>>;
  try {
    // What the playground's snippet points at (a clinic's site cannot reach this machine's 127.0.0.1).
    const publicUrls = {
      api: process.env.DEMO_PUBLIC_API?.trim() || undefined,
      script: process.env.DEMO_PUBLIC_SCRIPT?.trim() || undefined,
    };
    demo = await startDemo({ host, ports, publicUrls, log: (line) => console.log(`  ${line}`) });
  } catch (err) {
    console.error(`\ndemo: could not start: ${explain(err, ports)}`);
    process.exit(1);
  }

  const u = demo.urls;
  console.log(
    [
      "",
      "  Harbourside Health — coreplus-kit demo is running",
      "",
      `  Clinic website         ${u.site}/`,
      `  Practitioner page      ${u.site}/practitioner`,
      `  Widget playground      ${u.site}/playground`,
      `  Slack preview          ${u.site}/slack`,
      `  Manage booking         ${u.site}/manage`,
      `  Today's appointments   ${u.site}/today`,
      "",
      `  Sandbox (coreplus)     ${u.sandbox}/API/Core/v2.1/`,
      `  Edge API               ${u.edgeApi}/docs`,
      `  Slack bot              ${u.slackEvents}  (Web API stand-in: ${u.slackApi})`,
      "",
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.log(`\ndemo: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\ndemo: ${signal} received, stopping everything…`);
    demo.close().then(
      () => {
        console.log("demo: stopped");
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`demo: error while stopping: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

/** A readable reason; a taken port names the variable that moves it. */
function explain(err: unknown, ports: Record<keyof typeof PORT_VARIABLES, number>): string {
  if (err instanceof PortInUseError) {
    const which = (Object.keys(ports) as (keyof typeof PORT_VARIABLES)[]).find((k) => ports[k] === err.port);
    const variable = which ? PORT_VARIABLES[which] : "the port variable";
    return `port ${err.port} on ${err.host} is already in use. Stop whatever is using it, or set ${variable} to another port.`;
  }
  const e = err as { code?: string; port?: number; message?: string };
  if (e.code === "EADDRINUSE" && typeof e.port === "number") {
    return explain(new PortInUseError("127.0.0.1", e.port, { cause: err }), ports);
  }
  return err instanceof Error ? err.message : String(err);
}

void main();
