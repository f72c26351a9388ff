/**
 * Styles of the forms (details, find, cancel), the review and confirmation summaries and the primary
 * button: none of them on the first screen, so this module comes with the later views, in the later chunk,
 * and is adopted once that chunk is in (controller/later-flow.ts), not with the element.
 */
import { css } from "lit";

/** Form and summary styles. */
export const formStyles = css`
  .field,
  .dob-part {
    display: grid;
    gap: calc(var(--s) / 2);
  }
  form {
    display: grid;
    gap: calc(var(--s) * 3);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  [part="label"],
  dt {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: calc(var(--s) / 2);
  }
  .hint {
    margin: 0;
  }
  [part="input"] {
    width: 100%;
    min-height: 44px;
    padding: var(--s) calc(var(--s) * 1.5);
    border: 1px solid var(--coreplus-border);
    border-radius: calc(var(--coreplus-radius) * 0.6);
    background: var(--coreplus-bg);
    font-size: max(16px, 1em);
  }
  .has-error [part="input"] {
    border: 2px solid var(--coreplus-error);
  }
  .has-error {
    border-left: 4px solid var(--coreplus-error);
    padding-left: calc(var(--s) * 1.5);
  }
  .field-error,
  .error-summary a {
    margin: 0;
    color: var(--coreplus-error);
    font-weight: 600;
  }
  .dob {
    display: flex;
    gap: calc(var(--s) * 2);
  }
  .dob-part {
    /* Shrinks in the narrowest cards (320 px) rather than pushing the year out. */
    flex: 0 1 4.5em;
    min-width: 0;
  }
  .dob-year {
    flex-basis: 6em;
  }
  .check {
    grid-template-columns: 28px 1fr;
    align-items: start;
    column-gap: var(--s);
  }
  .check input {
    width: 24px;
    height: 24px;
    margin: 2px 0 0;
    accent-color: var(--coreplus-accent);
  }
  .check .field-error {
    grid-column: 1 / -1;
  }
  .check p {
    grid-column: 2;
    margin: 0;
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .primary {
    width: 100%;
    min-height: 48px;
    padding: var(--s) calc(var(--s) * 3);
    border: 1px solid var(--coreplus-accent);
    border-radius: var(--coreplus-radius);
    font-weight: 600;
  }
  @container coreplus (min-width: 480px) {
    .primary {
      width: auto;
    }
  }
  .primary[aria-disabled="true"] {
    cursor: progress;
  }
  .error-summary {
    padding: calc(var(--s) * 2);
    border: 3px solid var(--coreplus-error);
    border-radius: var(--coreplus-radius);
    margin-bottom: calc(var(--s) * 3);
  }
  .summary {
    margin: 0 0 calc(var(--s) * 3);
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 calc(var(--s) * 2);
    padding: calc(var(--s) * 1.5) 0;
    border-bottom: 1px solid var(--coreplus-border);
  }
  dd {
    margin: 0;
    grid-column: 1;
    overflow-wrap: anywhere;
  }
  dd.change {
    grid-area: 1 / 2 / span 2;
    align-self: center;
  }
  @container coreplus (min-width: 560px) {
    .row {
      grid-template-columns: 12em 1fr auto;
    }
    dd {
      grid-column: 2;
    }
    dd.change {
      grid-area: 1 / 3;
    }
  }
  .tick {
    display: grid;
    place-items: center;
    width: 48px;
    height: 48px;
    border-radius: 50%;
    background: var(--coreplus-success);
    color: var(--coreplus-bg);
    font-size: 28px;
    font-weight: 700;
  }
  .reference {
    font-weight: 700;
    letter-spacing: 0.04em;
  }
  .lead {
    font-size: 1.125em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s);
  }
  .button {
    display: inline-flex;
    align-items: center;
  }
`;
