/**
 * `<coreplus-booking-button>`'s styles: the theme's tokens (theme.styles.ts), the button in the accent
 * colour and the floating corners (the dialog's come with it: button-dialog.ts). The booking inside the
 * dialog takes its tokens from this element, so `coreplus-booking-button { --coreplus-accent: … }`
 * styles both.
 */
import { css } from "lit";
import { themeStyles } from "./theme.styles.js";

const layoutStyles = css`
  :host {
    --coreplus-button-offset: 24px;
    --coreplus-button-z-index: 2147483000;
    --o: var(--coreplus-button-offset);
    display: inline-block;
    container-type: normal;
  }
  :host([floating]) {
    position: fixed;
    z-index: var(--coreplus-button-z-index);
    inset: auto var(--o) var(--o) auto;
  }
  :host([floating][placement="bottom-left"]) {
    inset: auto auto var(--o) var(--o);
  }
  :host([floating][placement="top-right"]) {
    inset: var(--o) var(--o) auto auto;
  }
  :host([floating][placement="top-left"]) {
    inset: var(--o) auto auto var(--o);
  }
  button {
    min-height: 44px;
    padding: 8px 16px;
    border: 1px solid var(--coreplus-accent);
    border-radius: var(--coreplus-radius);
    background: var(--coreplus-accent);
    color: var(--coreplus-accent-text);
    font: 600 var(--coreplus-font-size) var(--coreplus-font);
    cursor: pointer;
  }
  :host([floating]) .open {
    border-radius: 999px;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }
  :focus-visible {
    outline: 3px solid var(--coreplus-focus);
    outline-offset: 2px;
  }
`;

/** The button's styles, in cascade order. */
export const buttonStyles = [themeStyles, layoutStyles];
