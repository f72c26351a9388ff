/** The app: createEdgeApp and what it serves besides the routes (/healthz tracking, /docs). */
export { createEdgeApp, type EdgeApp, type EdgeDeps } from "./create-app.js";
export { DOCS_ASSET_NAMES, type DocsAssets } from "./docs.js";
