/**
 * Starts a bench's servers file in a child process (so that autocannon, here, does not share their
 * CPU) and reads the one JSON line of origins it prints. The child is stopped when this process exits.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

/** Runs `file` (relative to bench/) and resolves with its origins and a `stop()`. */
export async function spawnServers(dir, file) {
  const child = spawn(process.execPath, [join(dir, file)], { stdio: ["ignore", "pipe", "inherit"] });
  const urls = await new Promise((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
    });
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  const stop = () => child.kill("SIGTERM");
  process.on("exit", stop);
  return { urls, stop };
}
