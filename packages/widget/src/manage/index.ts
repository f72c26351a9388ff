/**
 * The manage views (a chunk of their own: the element loads this module with `import()` only when
 * a page opens a booking or "Find my booking").
 */
export { ManageController } from "./manage-controller.js";
export type { ManageDeps, ManageHost } from "./manage-state.js";
export { manageView } from "./manage-view.js";
