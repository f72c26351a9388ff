/**
 * Everything the first screen loads later, behind one module: the build's later chunk starts here, so
 * every `import()` of it gets the chunk's exports (no namespace object per view module).
 *
 * The chunk holds its modules in the order these lines reach them: the views first (with the messages
 * they and the controller's later half read), then that half (with the proofs and the form styles), the
 * manage views, and the button's dialog last. The chunk (35 KB minified) is longer than gzip's 32 KB
 * window, and in this order the modules that share words sit near each other: 65 B less under gzip -9
 * than the alphabetical order when written (all files 29,761 -> 29,696 B). The manage views' strings
 * come first of all, beside the other message tables the views pull in next (all files 29,603 -> 29,579 B;
 * the best of moving each of the chunk's modules to its start, then each to its end, measured one by one).
 */

// biome-ignore assist/source/organizeImports: the order of these lines is the chunk's module order (above).
import "./messages/manage.js";
export { laterViews } from "./view/later-views.js";
export { attachLater } from "./controller/later-flow.js";
export { ManageController } from "./manage/manage-controller.js";
export { manageView } from "./manage/manage-view.js";
export { BookingDialog } from "./button-dialog.js";
