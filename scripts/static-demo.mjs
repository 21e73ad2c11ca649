// The demo page as a static site: www/ plus the package files it loads, in one folder that any
// static file server can serve (no /api there: the page runs the emulator inside itself, from
// `mistral-edge-client/emulator`). Needs pkg/ (`make build`); `make demo-static` builds both.
//
//   node scripts/static-demo.mjs [OUT]     OUT: demo-static/ by default (emptied first)
//
// Then e.g. `python3 -m http.server -d demo-static 8000`, or upload OUT anywhere: every path in the
// page is relative, so it also works from a sub-folder of a site. Prints OUT and its size.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
// The browser entries the page imports (backend.js, chat.js, errors.js) and the wasm each fetches.
const PACKAGE_FILES = ["index.js", "mistral_edge_bg.wasm", "emulator/index.js", "emulator/mistral_emulator_wasm_bg.wasm"];

/** Stages the static demo into `out` (absolute, or relative to the repository); returns `{ dir, files }`. */
export function stageStaticDemo(out = "demo-static") {
  const dir = path.resolve(root, out);
  const pkg = path.join(root, "pkg");
  const missing = PACKAGE_FILES.filter((file) => !existsSync(path.join(pkg, file)));
  if (missing.length) throw new Error(`pkg/ lacks ${missing.join(", ")}: run \`make build\` first`);
  // OUT is emptied first: never the repository, www/ or pkg/, a folder holding them, or one inside them.
  const inside = (child, parent) => !path.relative(parent, child).startsWith("..");
  if ([root, path.join(root, "www"), pkg].some((keep) => inside(keep, dir)) || [path.join(root, "www"), pkg].some((keep) => inside(dir, keep))) {
    throw new Error(`refusing to stage into ${dir}: it holds, or is inside, the repository's own files`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(root, "www"), dir, { recursive: true });
  for (const file of PACKAGE_FILES) {
    mkdirSync(path.dirname(path.join(dir, "pkg", file)), { recursive: true });
    cpSync(path.join(pkg, file), path.join(dir, "pkg", file));
  }
  return { dir, files: list(dir) };
}

function list(dir, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? list(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const { dir, files } = stageStaticDemo(process.argv[2]);
    const bytes = files.reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
    console.log(`static demo: ${dir} (${files.length} files, ${(bytes / 1024).toFixed(0)} KiB); serve it with any static file server`);
  } catch (error) {
    console.error(`static demo: ${error.message}`);
    process.exit(1);
  }
}
