/**
 * Everything the first screen loads later, behind one module: the build's later chunk starts here, so
 * every `import()` of it gets the chunk's exports (no namespace object per view module).
 */

export { BookingDialog } from "./button-dialog.js";
export { BookingLater } from "./controller/booking-later.js";
export { createProofs } from "./controller/proofs.js";
export { formStyles } from "./form.styles.js";
export { solveAltcha } from "./internal/solve-altcha.js";
export { turnstileProof } from "./internal/turnstile.js";
export { ManageController } from "./manage/manage-controller.js";
export { manageView } from "./manage/manage-view.js";
export { laterViews } from "./view/later-views.js";
