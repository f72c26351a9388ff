/**
 * `cem analyze` (run by `pnpm build`): writes dist/custom-elements.json, the manifest Storybook, IDEs
 * and linters read (named by package.json "customElements"). It reads the JSDoc on the element classes.
 */
export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/**/*.test.ts", "src/bundle.ts"],
  outdir: "dist",
  litelement: true,
  dependencies: false,
  // package.json names it itself: the analyzer would rewrite the field to whatever --outdir it is given.
  packagejson: false,
};
