/** The `coreplus` CLI's help texts, one per command. */

const CONNECTION = `Connection (flags override the environment, which overrides the development defaults):
  --base-url <url>         coreplus origin            COREPLUS_BASE_URL         (default http://127.0.0.1:4010)
  --consumer-id <id>       consumer id                COREPLUS_CONSUMER_ID      (default coreplus-kit-dev)
  --consumer-secret <s>    consumer secret            COREPLUS_CONSUMER_SECRET  (default: the dev secret)
  --access-token <t>       practice access token      COREPLUS_ACCESS_TOKEN     (default: the dev token)
  --api-version <v2|v2.1>  coreplus API version                                 (default v2.1)
  -h, --help               show help
  -v, --version            print the version of coreplus-kit's CLI`;

const TOP = `coreplus: sign, inspect and send coreplus API requests

Usage: coreplus <command> [options]

Commands:
  token <METHOD> <URL>       print a signed JWT for that request
  decode <jwt>               print a token's header and claims, and why coreplus would reject it
  get <path> [--all]         signed GET; --all follows every page of a list
  post <path> --data <json>  signed POST with a JSON body
  appointment get <id>       one appointment, with practitioner names and cancellation fields
  appointment cancel <id>    cancel an appointment (the slot is free again; a second cancel changes nothing)
  config                     print the connection in use (secrets hidden)
  help [command]             show help for a command

${CONNECTION}

Exit codes: 0 success, 1 request failed or token rejected, 2 usage error.
Run "coreplus <command> --help" for details.`;

/** Help text per command; "" is the top level. */
export const HELP: Readonly<Record<string, string>> = {
  "": TOP,
  token: `Usage: coreplus token <METHOD> <URL> [--header]

Prints a signed JWT for one request: HS256 over iss, aud, nbf (now), exp (nbf + 60), consumerId,
accessToken, url and httpMethod. The token is valid for 60 seconds and only for this method and URL
(query string included, exactly as sent).

  <METHOD>    GET, POST or PUT (any case)
  <URL>       a full URL, or a path such as /Client/?pageSize=10 resolved against the API base
              (<base-url>/API/Core/<version>)
  --header    print the Authorization header value ("JwToken <jwt>") instead

Example:
  curl -H "Authorization: $(coreplus token GET /Location/ --header)" http://127.0.0.1:4010/API/Core/v2.1/Location/

${CONNECTION}`,
  decode: `Usage: coreplus decode <jwt> [--json]

Prints the token's header and claims and says plainly why coreplus would reject it: expired, not yet
valid, lifetime too long, a missing claim, an alg other than HS256. When the token's consumerId is the
configured one, the signature is checked with the configured secret too. A "JwToken " prefix is fine.
The access token in the claims is shown redacted. Exits 1 when coreplus would reject the token.

  --json      print one JSON object: { header, claims, problems, signature }

${CONNECTION}`,
  get: `Usage: coreplus get <path> [--all]

Makes a signed GET request and prints the JSON response.

  <path>      a path under the API base, with an optional query: /Client/?name=smith
  --all       follow every page of a list response (pageSize 100 unless the path sets one)
              and print { "<list>": [every item] }

Example:
  coreplus get /Practitioner/ --all

${CONNECTION}`,
  post: `Usage: coreplus post <path> --data <json>

Makes a signed POST request with a JSON body and prints the JSON response. Not retried (except on 429).

  <path>           a path under the API base, e.g. /Client/
  --data <json>    the body as JSON text, or @file to read it from a file

Example:
  coreplus post /Client/ --data '{"firstName":"Ann","lastName":"Lee","dateOfBirth":"1990-02-03"}'

${CONNECTION}`,
  appointment: `Usage: coreplus appointment get <appointmentId>
       coreplus appointment cancel <appointmentId> [--reason-id <guid>] [--notes <text>]

get prints the appointment as the typed client reads it (times "YYYY-MM-DDTHH:mm:ss+HH:MM", the
practitioner's names, and for a cancelled one its reason and notes). cancel sends
{"deleted": true} to /Appointment/<id>/ once (not retried, except on 429) and prints the cancelled
appointment; cancelling one that is already cancelled changes nothing. An unknown id exits 1.

  <appointmentId>      the appointment's GUID
  --reason-id <guid>   cancellationReasonId (cancel only)
  --notes <text>       cancellationNotes, at most 300 characters (cancel only)

Example:
  coreplus appointment cancel 3f2b8c1e-0d4a-4b7e-9a51-6c2d8e9f0a12 --notes "Called to cancel"

${CONNECTION}`,
  config: `Usage: coreplus config

Prints the base URL, API base, consumer id and where each value comes from (flag, environment or
development default). The consumer secret is printed only when it is the built-in development one;
the access token is shown redacted unless it is the development one.

${CONNECTION}`,
};
