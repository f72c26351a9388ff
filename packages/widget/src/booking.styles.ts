/**
 * The element's styles: theme tokens, then the card, choices and the date-and-time layout (the
 * forms' and summaries' styles come with the later views: form.styles.ts). Layout follows the card's own width through container queries, not the viewport, so the
 * widget fits a sidebar as well as a full-width page (320 px up).
 */
import { css } from "lit";
import { themeStyles } from "./theme.styles.js";

const layoutStyles = css`
  * {
    box-sizing: border-box;
  }
  .card,
  h2 {
    /* A site's sticky header: scrolling the card or heading into view keeps them below it. */
    scroll-margin-top: var(--coreplus-scroll-offset);
  }
  .card {
    --s: var(--coreplus-space);
    max-width: var(--coreplus-max-width);
    padding: calc(var(--s) * 2);
    border: 1px solid var(--coreplus-border);
    border-radius: var(--coreplus-radius);
    background: var(--coreplus-bg);
    color: var(--coreplus-text);
    font-family: var(--coreplus-font);
    font-size: var(--coreplus-font-size);
    line-height: 1.5;
  }
  @container coreplus (min-width: 480px) {
    .card {
      padding: calc(var(--s) * 4);
    }
  }
  .top {
    display: flex;
    align-items: center;
    gap: var(--s);
    min-height: 44px;
  }
  .progress {
    margin: 0;
    color: var(--coreplus-muted);
    font-size: 0.875em;
  }
  h2 {
    margin: var(--s) 0 calc(var(--s) * 3);
    font-size: 1.5em;
    line-height: 1.25;
  }
  h3 {
    margin: 0 0 var(--s);
    font-size: 1em;
  }
  p {
    margin: 0 0 calc(var(--s) * 2);
  }
  button,
  input,
  textarea,
  .button {
    font: inherit;
    color: inherit;
  }
  :focus-visible,
  .error-summary:focus {
    outline: 3px solid var(--coreplus-focus);
    outline-offset: 2px;
  }
  /* Step headings take focus only so screen readers announce them; they are not controls. */
  h2:focus {
    outline: none;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .back,
  .link {
    border: 0;
    background: none;
    padding: var(--s) 0;
    color: var(--coreplus-accent);
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .back {
    padding: var(--s);
    margin-left: calc(var(--s) * -1);
    min-height: 44px;
  }
  a {
    color: var(--coreplus-accent);
  }
  .choices {
    display: grid;
    gap: var(--s);
  }
  .choice {
    display: flex;
    flex-direction: column;
    justify-content: center;
    width: 100%;
    min-height: 72px;
    padding: calc(var(--s) * 1.5) calc(var(--s) * 2);
    border: 1px solid var(--coreplus-border);
    border-radius: var(--coreplus-radius);
    background: var(--coreplus-bg);
    text-align: left;
  }
  /* Only where something really hovers: after a tap on a touch screen, :hover would stick. */
  @media (hover: hover) {
    .choice:hover,
    .day:hover:not(:disabled),
    .pill:hover,
    .secondary:hover {
      background: var(--coreplus-surface);
    }
  }
  .choice[aria-current="true"] {
    border-color: var(--coreplus-accent);
    box-shadow: inset 0 0 0 1px var(--coreplus-accent);
  }
  .choice-label {
    font-weight: 600;
  }
  .choice-detail {
    font-size: 0.875em;
  }
  .more {
    padding: calc(var(--s) / 2) calc(var(--s) * 2) 0;
  }
  .more summary {
    color: var(--coreplus-accent);
    cursor: pointer;
  }
  .more p {
    margin: calc(var(--s) / 2) 0 0;
  }
  .choice-hint,
  .hint,
  .zone,
  .range {
    color: var(--coreplus-muted);
    font-size: 0.875em;
  }
  .skeleton {
    border-color: transparent;
    background: var(--coreplus-surface);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.4s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.55;
      }
    }
  }
  .line {
    height: 1.5em;
    width: 40%;
    margin-bottom: var(--s);
    border-radius: 4px;
  }
  .time-layout {
    display: grid;
    gap: calc(var(--s) * 2);
  }
  .week-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--s);
    margin-bottom: var(--s);
  }
  .icon,
  .secondary {
    min-width: 44px;
    min-height: 44px;
    padding: var(--s) calc(var(--s) * 2);
    border: 1px solid var(--coreplus-border);
    border-radius: var(--coreplus-radius);
    background: var(--coreplus-bg);
    text-decoration: none;
  }
  .icon {
    padding: 0;
    font-size: 1.25em;
  }
  .icon:disabled,
  .day:disabled {
    color: var(--coreplus-muted);
    border-style: dashed;
    opacity: 0.75;
  }
  .days {
    display: grid;
    grid-template-columns: repeat(7, 1fr);
    gap: calc(var(--s) / 2);
  }
  .day {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    width: 100%;
    min-height: 44px;
    padding: calc(var(--s) / 2) 0;
    border: 1px solid var(--coreplus-border);
    border-radius: var(--coreplus-radius);
    background: var(--coreplus-bg);
    font-size: 0.875em;
    line-height: 1.2;
  }
  .dn {
    font-weight: 600;
    font-size: 1.125em;
  }
  .count {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @container coreplus (min-width: 560px) {
    .time-layout {
      grid-template-columns: minmax(180px, 2fr) 3fr;
      gap: calc(var(--s) * 3);
    }
    .days {
      grid-template-columns: 1fr;
    }
    .day {
      flex-direction: row;
      gap: var(--s);
      justify-content: flex-start;
      padding: var(--s) calc(var(--s) * 1.5);
    }
    .day .count {
      position: static;
      width: auto;
      height: auto;
      clip: auto;
      margin-left: auto;
    }
  }
  .day[aria-pressed="true"],
  .pill[aria-pressed="true"],
  .primary {
    background: var(--coreplus-accent);
    border-color: var(--coreplus-accent);
    color: var(--coreplus-accent-text);
  }
  .times {
    display: grid;
    gap: calc(var(--s) * 2);
    min-height: 160px;
    align-content: start;
  }
  .pills {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(96px, 1fr));
    gap: var(--s);
  }
  .pill {
    width: 100%;
    min-height: 44px;
    border: 1px solid var(--coreplus-border);
    border-radius: 999px;
    background: var(--coreplus-bg);
    font-variant-numeric: tabular-nums;
  }
  .zone {
    margin: calc(var(--s) * 2) 0 0;
  }
  .notice {
    padding: calc(var(--s) * 1.5) calc(var(--s) * 2);
    border: 1px solid var(--coreplus-border);
    border-left-width: 5px;
    border-radius: var(--coreplus-radius);
    margin-bottom: calc(var(--s) * 2);
  }
  .notice.error {
    border-color: var(--coreplus-error);
  }
  .notice p:last-child {
    margin: 0;
  }
  .notice .secondary {
    margin-top: var(--s);
  }
  /* Only on spans and divs, whose padding and border are 0 already. */
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** The first screen's styles, in cascade order. */
export const bookingStyles = [themeStyles, layoutStyles];
