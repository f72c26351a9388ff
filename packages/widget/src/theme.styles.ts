/**
 * The default theme's tokens (ux.md "Look"): every colour, size and font is a public custom property
 * with its default on :host, so a clinic restyles the widget with a few lines of CSS. Dark values
 * apply with theme="dark", or theme="auto" under prefers-color-scheme: dark. Contrast: text ≥ 4.5:1,
 * borders and the focus ring ≥ 3:1, in both themes.
 */
import { css } from "lit";

/** The custom properties and their light and dark defaults. */
export const themeStyles = css`

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
