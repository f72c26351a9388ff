/** Moving focus on a page with a sticky header. */

/**
 * Focuses `target` without letting the browser scroll it under a site's sticky header: when it is
 * above the element's `scroll-margin-top` (`--coreplus-scroll-offset`) or off the bottom of the
 * window, the card around it is scrolled to sit just below that offset.
 */
export function focusBelowHeader(target: HTMLElement): void {
  target.focus({ preventScroll: true });
  const { top, bottom } = target.getBoundingClientRect();
  if (top < Number.parseFloat(getComputedStyle(target).scrollMarginTop) || bottom > innerHeight)
    // With no options: its top to the top of the view (block "start"), as far as its scroll-margin-top allows.
    (target.closest<HTMLElement>(".card") ?? target).scrollIntoView();
}
