/**
 * A minimal RFC 5545 calendar file for "Add to calendar": one VEVENT in UTC, escaped and folded,
 * so Apple Calendar, Google Calendar and Outlook all import it. Moved here from the widget
 * (packages/widget/src/internal/ics.ts), which now links to GET …/bookings/{token}/calendar.ics.
 */

/** What the event says. */
export interface IcsEvent {
  uid: string;
  /** ISO 8601 instants (any offset): written in UTC. */
  start: string;
  end: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  summary: string;
  location?: string;
  description?: string;
  /** A link for the event (the booking's manage page), written as the URL property. */
  url?: string;
  /** STATUS (§3.8.1.11); absent, none is written. */
  status?: "CONFIRMED" | "CANCELLED";
}

/** `20261201T220000Z` */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]|\.\d{3}/g, "");
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
export function icsEscape(text: string): string {
  // A line break becomes `\n`; a backslash, semicolon or comma gets a backslash before it.
  return text.replace(/[\\;,]|\r?\n/g, (c) => `\\${c < " " ? "n" : c}`);
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 sequence. */
export function icsFold(line: string): string {
  const encoder = new TextEncoder();
  let out = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      out += "\r\n ";
      octets = 1; // the continuation line's leading space
    }
    out += char;
    octets += size;
  }
  return out;
}

/** The whole .ics text, CRLF line endings. */
export function buildIcs(event: IcsEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//coreplus-kit//edge-api//EN",
    // No CALSCALE: without one the scale is Gregorian (§3.7.1).
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${icsEscape(event.uid)}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(new Date(event.start))}`,
    `DTEND:${icsUtc(new Date(event.end))}`,
    `SUMMARY:${icsEscape(event.summary)}`,
    ...(event.location ? [`LOCATION:${icsEscape(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${icsEscape(event.description)}`] : []),
    // A URI value, not TEXT (RFC 5545 §3.8.4.6): not escaped, only folded.
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.status ? [`STATUS:${event.status}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
    "", // so the last line ends with CRLF too
  ];
  return lines.map(icsFold).join("\r\n");
}
