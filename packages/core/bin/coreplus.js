#!/usr/bin/env node
// The `coreplus` command. Kept as plain JavaScript so pnpm can link it before anything is built;
// the CLI itself is compiled to dist/ by `pnpm --filter @coreplus-kit/core build`.
const entry = new URL("../dist/cli/main.js", import.meta.url);

let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/cli/main.js"))
    throw error;
  process.stderr.write("coreplus: the CLI is not built yet; run `pnpm --filter @coreplus-kit/core build`\n");
  process.exit(1);
}

process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
