/**
 * Everything the first screen loads later, behind one module: the build's later chunk starts here, so
 * every `import()` of it gets the chunk's exports (no namespace object per view module).
 *
 * The chunk holds its modules in the order these lines reach them: the views first (with the messages
 * they and the controller's later half read), then that half, the manage views, the proofs, the button's
 * dialog and the form styles last. The chunk (35 KB minified) is longer than gzip's 32 KB window, and in
 * this order the modules that share words sit near each other: about 100 B less under gzip -9 than the
 * alphabetical order (all files 29,921 -> 29,828 B when written).
 */

// biome-ignore assist/source/organizeImports: the order of these lines is the chunk's module order (above).
export { laterViews } from "./view/later-views.js";
export { BookingLater } from "./controller/booking-later.js";
export { ManageController } from "./manage/manage-controller.js";
export { manageView } from "./manage/manage-view.js";
export { createProofs } from "./controller/proofs.js";
export { BookingDialog } from "./button-dialog.js";
export { formStyles } from "./form.styles.js";
