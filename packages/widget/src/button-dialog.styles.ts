/**
 * The styles of `<coreplus-booking-button>`'s dialog (button-dialog.ts, later chunk), adopted into the
 * button's shadow root when the dialog is made. A `.styles.ts` file, so the build minifies the CSS text.
 */
import { css } from "lit";

/** The dialog's styles, adopted into the button's shadow root when the dialog is made. */
export const dialogStyles = css`
  dialog {
    width: min(100vw - 16px, var(--coreplus-max-width) + 16px);
    max-width: none;
    max-height: calc(100dvh - 16px);
    padding: 8px;
    border: 0;
    border-radius: var(--coreplus-radius);
    background: var(--coreplus-bg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .close {
    display: block;
    margin-left: auto;
    border-color: transparent;
    background: none;
    color: var(--coreplus-text);
    font-weight: 400;
  }
  /* The booking's own :host defaults would win over inheritance: it takes every token from the button. */
  coreplus-booking {
    --coreplus-accent: inherit;
    --coreplus-accent-text: inherit;
    --coreplus-bg: inherit;
    --coreplus-surface: inherit;
    --coreplus-text: inherit;
    --coreplus-muted: inherit;
    --coreplus-border: inherit;
    --coreplus-error: inherit;
    --coreplus-success: inherit;
    --coreplus-focus: inherit;
    --coreplus-font: inherit;
    --coreplus-font-size: inherit;
    --coreplus-radius: inherit;
    --coreplus-space: inherit;
    --coreplus-max-width: inherit;
  }
`;
