// Link check of DR Suite's Markdown: every relative link in the repository's Markdown files (README.md, docs/, the
// READMEs under deploy/, ...) must lead to a file or folder that exists and, with an #anchor, to a heading there,
// named as GitHub names it. Links to other sites (https:, mailto:, ...) are not followed: the check needs no network.
//
//   node deploy/checks/links.mjs [--root DIR] [--no-summary]
//       checks every *.md file under the tree (the repository by default; node_modules, target and dot folders
//       left out), one line per file as check.mjs prints them.
//
// links-self-test.mjs feeds good and broken pages to the rules exported here; deploy/checks/check.sh runs both.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { isMainModule, Report } from "./report.mjs";

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SKIPPED_FOLDERS = new Set(["node_modules", "target"]);
// A link with a scheme (https:, mailto:) or protocol-relative (//host) leaves the repository: not checked.
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
// GitHub's anchors for lines of a file it shows as code: #L10, #L10-L20.
const LINE_ANCHOR = /^L\d+(?:-L\d+)?$/;

// ---------------------------------------------------------------------------------------------------------------
// Reading Markdown

const blank = (text) => text.replace(/[^\n]/g, " ");

/** The same text with fenced code blocks and HTML comments blanked out, so line numbers stay as they are. */
export function withoutCodeBlocks(markdown) {
  let fence = null;
  const lines = markdown.split("\n").map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
      return blank(line);
    }
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        fence = null;
      }
      return blank(line);
    }
    return line;
  });
  return lines.join("\n").replace(/<!--[\s\S]*?-->/g, blank);
}

/** withoutCodeBlocks, and code spans blanked out too: what is left holds the links. */
export function withoutCode(markdown) {
  return withoutCodeBlocks(markdown).replace(/(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?(?<!`)\1(?!`)/g, blank);
}

/** The anchor GitHub gives a heading's text, before duplicates are numbered. */
export function githubSlug(headingText) {
  return renderedText(headingText)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** A heading's text as GitHub shows it: links and images by their text, no code-span backticks, emphasis or tags. */
function renderedText(markdown) {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`+/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/(^|[^\p{L}\p{N}])_+([^_]+?)_+(?=[^\p{L}\p{N}]|$)/gu, "$1$2")
    .replace(/\*+/g, "");
}

/**
 * Every anchor a page offers: its ATX headings (# ...; setext headings are not used here) named as GitHub names
 * them, the second of a name getting -1, the third -2, and explicit <a id="..."> or <a name="...">.
 */
export function anchorsOf(markdown) {
  const text = withoutCodeBlocks(markdown);
  const anchors = new Set();
  const occurrences = new Map();
  for (const line of text.split("\n")) {
    const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const base = githubSlug(heading[1] ?? "");
      let slug = base;
      while (occurrences.has(slug)) {
        occurrences.set(base, occurrences.get(base) + 1);
        slug = `${base}-${occurrences.get(base)}`;
      }
      occurrences.set(slug, 0);
      anchors.add(slug);
    }
  }
  for (const match of text.matchAll(/<a\s[^>]*\b(?:id|name)\s*=\s*"([^"]+)"/gi)) {
    anchors.add(match[1]);
  }
  return anchors;
}

/** Every link target of a page with its line: inline links and images, and reference definitions. */
export function linksOf(markdown) {
  const text = withoutCode(markdown);
  const lineAt = (offset) => text.slice(0, offset).split("\n").length;
  // [text](target "title"): the text may hold one level of [brackets], the target one level of (parentheses).
  const linkText = String.raw`\[(?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*\]`;
  const target = String.raw`(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)`;
  const title = String.raw`(?:\s+(?:"[^"]*"|'[^']*'))?`;
  const inline = new RegExp(String.raw`!?${linkText}\(\s*${target}${title}\s*\)`, "g");
  const definition = /^ {0,3}\[[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
  return [...text.matchAll(inline), ...text.matchAll(definition)]
    .map((match) => ({ target: match[1].replace(/^<(.*)>$/, "$1"), line: lineAt(match.index) }))
    .sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------------------------
// Checking links

/**
 * The problems of one page's links. page is its path from the repository root (with /), tree answers
 * kind(path) ("file", "folder" or null) and read(path) for paths from the root.
 */
export function linkProblems(page, markdown, tree) {
  const anchorCache = new Map();
  const anchorsIn = (path) => {
    if (!anchorCache.has(path)) {
      anchorCache.set(path, path === page ? anchorsOf(markdown) : anchorsOf(tree.read(path)));
    }
    return anchorCache.get(path);
  };
  return linksOf(markdown).flatMap(({ target, line }) =>
    targetProblems(page, target, tree, anchorsIn).map((problem) => `line ${line}: (${target}) ${problem}`),
  );
}

function targetProblems(page, target, tree, anchorsIn) {
  if (EXTERNAL.test(target)) {
    return [];
  }
  const hash = target.indexOf("#");
  const pathPart = (hash < 0 ? target : target.slice(0, hash)).replace(/\?.*$/, "");
  const anchor = hash < 0 ? "" : target.slice(hash + 1);
  let path;
  try {
    path = decodeURIComponent(pathPart);
  } catch {
    return ["is not a valid URL"];
  }
  if (path.startsWith("/")) {
    return ["is an absolute path; write it relative to the page, so it works on GitHub and in a clone"];
  }
  const resolved = path === "" ? page : posix.normalize(posix.join(posix.dirname(page), path));
  if (resolved === ".." || resolved.startsWith("../")) {
    return ["leads out of the repository"];
  }
  const kind = tree.kind(resolved);
  if (kind === null) {
    return [`leads to ${resolved}, which does not exist`];
  }
  return anchor === "" ? [] : anchorProblems(resolved, kind, anchor, tree, anchorsIn);
}

function anchorProblems(resolved, kind, anchor, tree, anchorsIn) {
  // A folder's page on GitHub shows its README.md, whose headings are the folder's anchors.
  const markdownPath = kind === "folder" ? posix.join(resolved, "README.md") : resolved;
  if (!markdownPath.toLowerCase().endsWith(".md") || tree.kind(markdownPath) !== "file") {
    return LINE_ANCHOR.test(anchor) ? [] : [`has the anchor #${anchor}, but ${resolved} is not a Markdown page`];
  }
  let name;
  try {
    name = decodeURIComponent(anchor);
  } catch {
    return ["is not a valid URL"];
  }
  return anchorsIn(markdownPath).has(name) ? [] : [`no heading of ${markdownPath} has the anchor #${name}`];
}

// ---------------------------------------------------------------------------------------------------------------
// Running on the repository

/** The repository on disk as linkProblems reads it. */
function treeOnDisk(root) {
  return {
    kind(path) {
      const stat = statSync(join(root, path), { throwIfNoEntry: false });
      return stat?.isDirectory() ? "folder" : stat?.isFile() ? "file" : null;
    },
    read: (path) => readFileSync(join(root, path), "utf8"),
  };
}

function markdownFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith(".") ? [] : markdownFiles(path);
    }
    return entry.isFile() && entry.name.endsWith(".md") ? [path] : [];
  });
}

function checkLinks(root, report) {
  const tree = treeOnDisk(root);
  const pages = markdownFiles(root)
    .map((path) => relative(root, path).split(/[\\/]/).join("/"))
    .sort();
  for (const page of pages) {
    report.record(`links ${page}`, linkProblems(page, tree.read(page), tree));
  }
}

function parseArguments(argv) {
  const options = { root: REPOSITORY, summary: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--no-summary") {
      options.summary = false;
    } else if (argv[i] === "--root") {
      options.root = resolve(argv[++i] ?? ".");
    } else {
      throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

if (isMainModule(import.meta.url)) {
  const options = parseArguments(process.argv.slice(2));
  const report = new Report();
  checkLinks(options.root, report);
  report.finish("link check", options.summary);
}
