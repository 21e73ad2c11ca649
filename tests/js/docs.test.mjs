// The docs for two readers: the packed package's README is the user guide alone (README.md up to
// the line that ends it; nothing of CONTRIBUTING.md or ARCHITECTURE.md), and every relative link
// of the repository's docs, and every path ARCHITECTURE.md and CONTRIBUTING.md name, exists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (file) => readFileSync(join(root, file), "utf8");

/** The docs whose links must resolve. */
const DOCS = [
  "README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "emulator/README.md", "bench/README.md",
  "fuzz/README.md", "tests/runtimes/README.md", "tests/sdk-docs/README.md",
];
/** The last section of the user guide, as issue 15 has it: the guide up to "Test without a key". */
const LAST_GUIDE_SECTION = "Test without a key: the emulator";
const END_OF_GUIDE = /^<!-- end of the user guide\b/m;

/** The text without its fenced code blocks (their `](` are code, not links). */
const prose = (text) => text.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, "");

/** The headings of a Markdown text, as written (`## Errors` → "Errors"), outside code blocks. */
const headings = (text) => [...prose(text).matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) => m[1]);

/** GitHub's anchor of a heading: lowercase, punctuation dropped, spaces as hyphens. */
const slug = (heading) => heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");

/** The problems of the relative links of `file` (a path under `base`): missing files or anchors. */
export function brokenLinks(base, file, text) {
  const problems = [];
  for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
    const [path, anchor] = target.split("#");
    const resolved = path === "" ? join(base, file) : join(base, dirname(file), decodeURIComponent(path));
    if (!existsSync(resolved)) {
      problems.push(`${file}: (${target}) points at ${relative(base, resolved)}, which does not exist`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith(".md")) {
      const anchors = headings(readFileSync(resolved, "utf8")).map(slug);
      if (!anchors.includes(anchor)) problems.push(`${file}: (${target}) names no heading of ${relative(base, resolved)}`);
    }
  }
  return problems;
}

/** Repository paths a doc names: in `code spans`, and first on a line of its code blocks. */
const PATH = /^(?:src|js|tests|scripts|emulator|bench|benches|www|fuzz|examples)\/[\w./*-]*$|^(?:Makefile|Cargo\.toml|[\w-]+\.md)$/;
export function missingPaths(base, file, text) {
  const named = new Set();
  for (const [, span] of prose(text).matchAll(/`([^`\n]+)`/g)) if (PATH.test(span)) named.add(span);
  for (const [block] of text.matchAll(/^```[^\n]*\n[\s\S]*?^```/gm)) {
    for (const line of block.split("\n").slice(1, -1)) {
      const first = line.trim().split(/\s+/)[0];
      if (PATH.test(first)) named.add(first);
    }
  }
  const problems = [];
  for (const path of named) {
    if (path.includes("*")) {
      // `js/funcs/*.js`: the directory has such a file.
      const dir = join(base, dirname(path));
      const pattern = new RegExp(`^${path.split("/").pop().replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
      if (!existsSync(dir) || !readdirSync(dir).some((name) => pattern.test(name))) problems.push(`${file}: \`${path}\` matches no file`);
    } else if (!existsSync(join(base, path))) {
      problems.push(`${file}: \`${path}\` does not exist`);
    }
  }
  return problems;
}

test("every relative link of the docs points at a file (and heading) that exists", () => {
  const problems = DOCS.flatMap((file) => brokenLinks(root, file, read(file)));
  assert.deepEqual(problems, []);
});

test("every path ARCHITECTURE.md and CONTRIBUTING.md name exists", () => {
  const problems = ["ARCHITECTURE.md", "CONTRIBUTING.md"].flatMap((file) => missingPaths(root, file, read(file)));
  assert.deepEqual(problems, []);
});

test("the checks above find a missing file, a missing heading and a missing path", () => {
  const doc = "See [a](ARCHITECTURE.md#no-such-heading), [b](nowhere.md), [c](#contributing), [d](https://x.y/z).\n" +
    "`src/nowhere.rs`, `js/funcs/*.nothing`, `src/lib.rs`\n```\nsrc/gone/   a layer\n```\n";
  assert.deepEqual(brokenLinks(root, "README.md", doc), [
    "README.md: (ARCHITECTURE.md#no-such-heading) names no heading of ARCHITECTURE.md",
    "README.md: (nowhere.md) points at nowhere.md, which does not exist",
  ]);
  assert.deepEqual(missingPaths(root, "X.md", doc).sort(), [
    "X.md: `js/funcs/*.nothing` matches no file",
    "X.md: `src/gone/` does not exist",
    "X.md: `src/nowhere.rs` does not exist",
  ]);
});

test("the repository README ends its user guide before the contributor pointer", () => {
  const readme = read("README.md");
  const at = readme.search(END_OF_GUIDE);
  assert.ok(at > 0, "README.md has no <!-- end of the user guide --> line");
  assert.equal(headings(readme.slice(0, at)).at(-1), LAST_GUIDE_SECTION);
  assert.match(readme.slice(at), /\(CONTRIBUTING\.md\)/);
  assert.match(readme.slice(at), /\(ARCHITECTURE\.md\)/);
});

test("the packed README is the user guide and nothing for contributors", () => {
  const dir = mkdtempSync(join(tmpdir(), "mistral-edge-docs-"));
  try {
    const tarball = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", dir, "--silent"], {
      cwd: dir, encoding: "utf8",
    }).trim().split("\n").at(-1);
    const file = join(dir, tarball);
    const entries = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).split("\n").filter(Boolean);
    assert.deepEqual(entries.filter((e) => e.endsWith(".md")), ["package/README.md"]);
    const packed = execFileSync("tar", ["-xOzf", file, "package/README.md"], { encoding: "utf8" });

    const readme = read("README.md");
    assert.equal(packed, readme.slice(0, readme.search(END_OF_GUIDE)).trimEnd() + "\n");
    assert.equal(headings(packed).at(-1), LAST_GUIDE_SECTION);
    assert.doesNotMatch(packed, /CONTRIBUTING\.md|ARCHITECTURE\.md|end of the user guide/);
    for (const doc of ["CONTRIBUTING.md", "ARCHITECTURE.md"]) {
      const shared = headings(read(doc)).filter((h) => headings(packed).includes(h));
      assert.deepEqual(shared, [], `the packed README has sections of ${doc}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
