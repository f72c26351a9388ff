/** Types of docs-assets.mjs (imported by vitest.workers.config.ts). */
/** Where `build` writes the Workers' /docs assets directory (dist/docs-assets). */
export declare const DOCS_ASSETS_DIR: string;
/** Writes `dir` afresh with the named swagger-ui-dist files, their licence and an `.assetsignore`. */
export declare function writeDocsAssets(names: readonly string[], dir?: string): Promise<void>;
