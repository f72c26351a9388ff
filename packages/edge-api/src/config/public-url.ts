/**
 * The API's public URL (`publicUrl` in the file, or EDGE_API_PUBLIC_URL, which wins): the `servers`
 * entry of /openapi.json. Unset, the document names the origin it was fetched from.
 */
import { z } from "zod";

const MESSAGE =
  'must be an http(s) URL with no trailing slash, query or fragment, such as "https://book.example.com"';

/** Whether `s` is an http(s) URL written as its own canonical form, without a trailing slash. */
function isPublicUrl(s: string): boolean {
  try {
    const u = new URL(s);
    if (u.protocol !== "https:" && u.protocol !== "http:") return false;
    if (u.search !== "" || u.hash !== "" || u.username !== "" || u.password !== "") return false;
    return !s.endsWith("/") && (u.href === s || u.href === `${s}/`);
  } catch {
    return false;
  }
}

/** The `publicUrl` field of the configuration file. */
export const PublicUrl = z.string().refine(isPublicUrl, { error: MESSAGE });

/** EDGE_API_PUBLIC_URL from the environment: the URL, undefined when unset, or an issue's message. */
export function publicUrlFromEnv(
  env: Record<string, string | undefined>,
): { publicUrl?: string } | { issue: string } {
  const value = env.EDGE_API_PUBLIC_URL;
  if (value === undefined || value === "") return {};
  return isPublicUrl(value) ? { publicUrl: value } : { issue: MESSAGE };
}
