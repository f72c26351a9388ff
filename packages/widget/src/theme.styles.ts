/**
 * The default theme's tokens (ux.md "Look"): every colour, size and font is a public custom property
 * with its default on :host, so a clinic restyles the widget with a few lines of CSS. Dark values
 * apply with theme="dark", or theme="auto" under prefers-color-scheme: dark. Contrast: text ≥ 4.5:1,
 * borders and the focus ring ≥ 3:1, in both themes.
 */
import { css } from "lit";

/** The custom properties and their light and dark defaults. */
const tokens = css`

  :host {
    --coreplus-accent: #0b5cad;
    --coreplus-accent-text: #ffffff;
    --coreplus-bg: #ffffff;
    --coreplus-surface: #f1f4f7;
    --coreplus-text: #1a1f24;
    --coreplus-muted: #4a5561;
    --coreplus-border: #77818c;
    --coreplus-error: #b3261e;
    --coreplus-success: #1b7a35;
    --coreplus-focus: #0b5cad;
    --coreplus-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    --coreplus-font-size: 16px;
    --coreplus-radius: 10px;
    --coreplus-space: 8px;
    --coreplus-max-width: 720px;
    --coreplus-scroll-offset: 0px;
    display: block;
    container: coreplus / inline-size;
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme="dark"]) {
    --coreplus-accent: #8cc4ff;
    --coreplus-accent-text: #0a1a2c;
    --coreplus-bg: #15191e;
    --coreplus-surface: #222a33;
    --coreplus-text: #eef1f4;
    --coreplus-muted: #b3bdc7;
    --coreplus-border: #7f8b97;
    --coreplus-error: #ff9d95;
    --coreplus-success: #7fd898;
    --coreplus-focus: #8cc4ff;
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme="auto"]) {
      --coreplus-accent: #8cc4ff;
      --coreplus-accent-text: #0a1a2c;
      --coreplus-bg: #15191e;
      --coreplus-surface: #222a33;
      --coreplus-text: #eef1f4;
      --coreplus-muted: #b3bdc7;
      --coreplus-border: #7f8b97;
      --coreplus-error: #ff9d95;
      --coreplus-success: #7fd898;
      --coreplus-focus: #8cc4ff;
      color-scheme: dark;
    }
  }
`;

/*
 * A clinic that sets only --coreplus-accent: the text on it is black or white, whichever contrasts more,
 * and the focus ring follows it where it meets 3:1 on the card (an explicit --coreplus-accent-text or
 * --coreplus-focus still wins). Browsers without relative colours keep the fixed defaults above.
 *
 * Each colour is worked out channel by channel in CIE XYZ, where `y` is the accent's WCAG luminance:
 * `clamp(0, (expr) * 100000, 1)` is 1 where `expr` is positive, else 0, and `calc(a * t + b * (1 - t))`
 * picks `a` where that step `t` is 1, `b` where it is 0.
 * - Text: white (0.9505 1 1.0891) on an accent darker than luminance 0.1791 (where both contrast
 *   alike), else black (0 0 0, so `b` drops out).
 * - Light ring: the accent (x y z) where it has 3:1 on the light card (luminance ≤ 0.3), else the light
 *   text colour (0.0123 0.0133 0.0186).
 * - Dark ring: the accent where it has 3:1 on the dark card (luminance ≥ 0.1285), else the dark text
 *   colour (0.8304 0.8762 0.9813).
 * Written out rather than built by a function: the text compresses to less than the code did.
 */
const derived = css`
  @supports (color: color(from red xyz-d65 x y z)) {
    :host,
    :host([theme]) {
      --coreplus-accent-text: color(from var(--coreplus-accent) xyz-d65
        calc(0.9505 * clamp(0, (0.1791 - y) * 100000, 1))
        calc(clamp(0, (0.1791 - y) * 100000, 1))
        calc(1.0891 * clamp(0, (0.1791 - y) * 100000, 1)));
      --coreplus-focus: color(from var(--coreplus-accent) xyz-d65
        calc(x * clamp(0, (0.3 - y) * 100000, 1) + 0.0123 * (1 - clamp(0, (0.3 - y) * 100000, 1)))
        calc(y * clamp(0, (0.3 - y) * 100000, 1) + 0.0133 * (1 - clamp(0, (0.3 - y) * 100000, 1)))
        calc(z * clamp(0, (0.3 - y) * 100000, 1) + 0.0186 * (1 - clamp(0, (0.3 - y) * 100000, 1))));
    }
    :host([theme="dark"]) {
      --coreplus-focus: color(from var(--coreplus-accent) xyz-d65
        calc(x * clamp(0, (y - 0.1285) * 100000, 1) + 0.8304 * (1 - clamp(0, (y - 0.1285) * 100000, 1)))
        calc(y * clamp(0, (y - 0.1285) * 100000, 1) + 0.8762 * (1 - clamp(0, (y - 0.1285) * 100000, 1)))
        calc(z * clamp(0, (y - 0.1285) * 100000, 1) + 0.9813 * (1 - clamp(0, (y - 0.1285) * 100000, 1))));
    }
    @media (prefers-color-scheme: dark) {
      :host([theme="auto"]) {
        --coreplus-focus: color(from var(--coreplus-accent) xyz-d65
          calc(x * clamp(0, (y - 0.1285) * 100000, 1) + 0.8304 * (1 - clamp(0, (y - 0.1285) * 100000, 1)))
          calc(y * clamp(0, (y - 0.1285) * 100000, 1) + 0.8762 * (1 - clamp(0, (y - 0.1285) * 100000, 1)))
          calc(z * clamp(0, (y - 0.1285) * 100000, 1) + 0.9813 * (1 - clamp(0, (y - 0.1285) * 100000, 1))));
      }
    }
  }
`;

/** The theme: the tokens, then the colours derived from the accent. */
export const themeStyles = [tokens, derived];
