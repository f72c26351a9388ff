/**
 * Runs `redocly lint` (recommended rules, redocly.yaml) and `spectral lint` (`spectral:oas`,
 * .spectral.yaml) on an OpenAPI document, offline: the document and the package's lint
 * configuration are copied into a fresh directory, and both CLIs run there as child processes.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const binOf = (pkg: string, bin: string) => join(dirname(require.resolve(`${pkg}/package.json`)), bin);

/** One finding of either linter. */
export interface LintFinding {
  tool: "redocly" | "spectral";
  severity: "error" | "warning" | "info" | "hint";
  rule: string;
  message: string;
  at: string;
}

/** What both linters found. `ignored` counts Redocly findings accepted in .redocly.lint-ignore.yaml. */
export interface LintReport {
  findings: LintFinding[];
  ignored: number;
}

/** The document's file name, as .redocly.lint-ignore.yaml keys it. */
const DOCUMENT = "openapi.json";

// No telemetry, no update check: nothing leaves the machine.
const ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_UPDATE_NOTIFIER: "1",
};

interface RedoclyJson {
  totals: { errors: number; warnings: number; ignored: number };
  problems: {
    ruleId: string;
    severity: "error" | "warn";
    message: string;
    location: { pointer?: string }[];
  }[];
}

async function redocly(dir: string): Promise<LintReport> {
  const args = [binOf("@redocly/cli", "bin/cli.js"), "lint", DOCUMENT, "--config", "redocly.yaml"];
  // Exit code 1 means "problems found": the JSON on stdout says which.
  const out = await run(process.execPath, [...args, "--format=json"], { cwd: dir, env: ENV }).catch(
    (err: { stdout?: string; stderr?: string }) => {
      if (!err.stdout?.includes('"totals"')) throw new Error(`redocly failed: ${err.stderr ?? err}`);
      return { stdout: err.stdout };
    },
  );
  const json = JSON.parse(out.stdout.slice(out.stdout.indexOf("{"))) as RedoclyJson;
  return {
    ignored: json.totals.ignored,
    findings: json.problems.map((p) => ({
      tool: "redocly",
      severity: p.severity === "warn" ? "warning" : "error",
      rule: p.ruleId,
      message: p.message,
      at: p.location[0]?.pointer ?? "",
    })),
  };
}

interface SpectralJson {
  code: string;
  message: string;
  path: (string | number)[];
  severity: 0 | 1 | 2 | 3;
}

const SPECTRAL_SEVERITY = ["error", "warning", "info", "hint"] as const;

async function spectral(dir: string): Promise<LintFinding[]> {
  const args = [
    binOf("@stoplight/spectral-cli", "dist/index.js"),
    "lint",
    DOCUMENT,
    "--ruleset",
    ".spectral.yaml",
  ];
  // --fail-severity=hint: any finding exits 1, and is then read from the JSON.
  const out = await run(process.execPath, [...args, "--format=json", "--fail-severity=hint", "--quiet"], {
    cwd: dir,
    env: ENV,
  }).catch((err: { stdout?: string; stderr?: string }) => {
    if (!err.stdout?.trim().startsWith("[")) throw new Error(`spectral failed: ${err.stderr ?? err}`);
    return { stdout: err.stdout };
  });
  const text = out.stdout.trim();
  const results = (text === "" ? [] : JSON.parse(text)) as SpectralJson[];
  return results.map((r) => ({
    tool: "spectral",
    severity: SPECTRAL_SEVERITY[r.severity],
    rule: r.code,
    message: r.message,
    at: r.path.join("."),
  }));
}

/** Lints `doc` with both CLIs (side by side) and returns every finding. */
export async function lintOpenApi(doc: unknown): Promise<LintReport> {
  const dir = await mkdtemp(join(tmpdir(), "edge-openapi-lint-"));
  try {
    await writeFile(join(dir, DOCUMENT), JSON.stringify(doc, null, 2));
    for (const file of ["redocly.yaml", ".redocly.lint-ignore.yaml", ".spectral.yaml"])
      await copyFile(join(packageDir, file), join(dir, file));
    const [r, s] = await Promise.all([redocly(dir), spectral(dir)]);
    return { ignored: r.ignored, findings: [...r.findings, ...s] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
