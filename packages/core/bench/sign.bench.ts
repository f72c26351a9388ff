/**
 * HS256 request signing throughput: our signer (jose, secret imported once as a CryptoKey), sequential
 * and with 64 signatures in flight, against the raw node:crypto HMAC floor for the same token, all
 * measured in this run and interleaved round by round, because the machine is shared and noisy.
 * Not a test: it prints figures and ratios. Run with `pnpm --filter @coreplus-kit/core bench`.
 */
import { createHmac, createSecretKey } from "node:crypto";
import { createRequestSigner } from "@coreplus-kit/core";
import { DEV_ACCESS_TOKEN, DEV_CONSUMER_ID, DEV_CONSUMER_SECRET } from "@coreplus-kit/core/dev";
import { SignJWT } from "jose";

const ROUNDS = 5;
const ROUND_MS = 800;
const WARMUP_MS = 400;
const CONCURRENCY = 64;
const URL_SIGNED =
  "http://127.0.0.1:4010/API/Core/v2.1/AvailabilitySlot/?startDate=2026-12-01&endDate=2026-12-07&timezoneId=39d62534-501c-49cd-9da9-6fa8d6a81f48&pageSize=100";

const credentials = {
  consumerId: DEV_CONSUMER_ID,
  consumerSecret: DEV_CONSUMER_SECRET,
  accessToken: DEV_ACCESS_TOKEN,
};
const signer = createRequestSigner(credentials);

/** The floor: the same header and claims, base64url-encoded and MACed synchronously by node:crypto. */
const hmacKey = createSecretKey(Buffer.from(DEV_CONSUMER_SECRET, "utf8"));
function rawToken(): string {
  const nbf = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
  const claims = {
    iss: "coreplus-kit",
    aud: "https://sandbox.coreplus.com.au",
    nbf,
    exp: nbf + 60,
    consumerId: DEV_CONSUMER_ID,
    accessToken: DEV_ACCESS_TOKEN,
    url: URL_SIGNED,
    httpMethod: "GET",
  };
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${input}.${createHmac("sha256", hmacKey).update(input).digest("base64url")}`;
}

/** What caching the key saves: jose given the secret's bytes on every call (it imports a key each time). */
const secretBytes = new TextEncoder().encode(DEV_CONSUMER_SECRET);
function uncachedToken(): Promise<string> {
  const nbf = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: "coreplus-kit",
    aud: "https://sandbox.coreplus.com.au",
    nbf,
    exp: nbf + 60,
    url: URL_SIGNED,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(secretBytes);
}

type Measure = (ms: number) => Promise<number>; // returns operations per second

const sequential =
  (op: () => unknown): Measure =>
  async (ms) => {
    let n = 0;
    const start = performance.now();
    const end = start + ms;
    while (performance.now() < end) {
      await op();
      n++;
    }
    return (n * 1000) / (performance.now() - start);
  };

const concurrent =
  (op: () => Promise<unknown>, width: number): Measure =>
  async (ms) => {
    let n = 0;
    const start = performance.now();
    const end = start + ms;
    const worker = async () => {
      while (performance.now() < end) {
        await op();
        n++;
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return (n * 1000) / (performance.now() - start);
  };

const synchronous =
  (op: () => unknown): Measure =>
  async (ms) => {
    let n = 0;
    const start = performance.now();
    const end = start + ms;
    // Check the clock every 64 calls so the timer is not what we measure.
    while (performance.now() < end) {
      for (let i = 0; i < 64; i++) op();
      n += 64;
    }
    return (n * 1000) / (performance.now() - start);
  };

const tasks: [string, Measure][] = [
  ["signer.token, cached CryptoKey, sequential", sequential(() => signer.token("GET", URL_SIGNED))],
  [
    `signer.token, cached CryptoKey, ${CONCURRENCY} concurrent`,
    concurrent(() => signer.token("GET", URL_SIGNED), CONCURRENCY),
  ],
  ["jose SignJWT, secret bytes each call, sequential", sequential(uncachedToken)],
  ["node:crypto createHmac floor (sync)", synchronous(rawToken)],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(10);

async function run(): Promise<void> {
  for (const [, measure] of tasks) await measure(WARMUP_MS);
  const results = tasks.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [, measure]] of tasks.entries()) results[i]?.push(await measure(ROUND_MS));
  }
  const ops = results.map(median);
  const [seq = 0, conc = 0, uncached = 0, floor = 0] = ops;

  console.log(
    `HS256 request signing, Node ${process.version}, median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms`,
  );
  console.log("");
  for (const [i, [name]] of tasks.entries()) {
    const all = (results[i] ?? []).map((x) => (x / 1000).toFixed(1)).join(" / ");
    console.log(`${name.padEnd(50)} ${fmt(ops[i] ?? 0)} ops/s   (rounds, k: ${all})`);
  }
  console.log("");
  console.log(
    `signer sequential / node:crypto floor:     ${(seq / floor).toFixed(3)}  (floor is ${(floor / seq).toFixed(1)}x faster)`,
  );
  console.log(
    `signer ${CONCURRENCY}-concurrent / node:crypto floor: ${(conc / floor).toFixed(3)}  (floor is ${(floor / conc).toFixed(1)}x faster)`,
  );
  console.log(`cached key / bytes each call (sequential): ${(seq / uncached).toFixed(2)}x`);
}

await run();
