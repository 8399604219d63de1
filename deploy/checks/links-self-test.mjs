// Self-test of links.mjs: good pages pass and each broken link is caught, so the link check cannot pass everything.
// The pages are built here, in a tree held in memory.
//
//   node deploy/checks/links-self-test.mjs [--no-summary]
//
// Prints one line per case as check.mjs does; deploy/checks/check.sh runs it before links.mjs.
import { anchorsOf, githubSlug, linkProblems, linksOf } from "./links.mjs";
import { expectCaught, expectNone, Report, runSelfTestCases } from "./report.mjs";

/** A tree of files from { path: text }; its folders are the paths' parents. */
function treeOf(files) {
  const parentsOf = (path) => {
    const parts = path.split("/").slice(0, -1);
    return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  };
  const folders = new Set(Object.keys(files).flatMap(parentsOf));
  return {
    kind: (path) => (path in files ? "file" : folders.has(path) ? "folder" : null),
    read: (path) => files[path],
  };
}

const GUIDE = `# Guide

## Measured: switchover and failover

## Snapshots (snapshot-service)

## \`drsuite.clusters.*\` keys

### Images

### Images

## Links in [the README](../README.md) and _emphasis_

\`\`\`
## Not a heading: inside a code block
\`\`\`
`;

const GOOD_README = `# Front page

See [the guide](docs/guide.md), its [measurements](docs/guide.md#measured-switchover-and-failover),
[snapshots](docs/guide.md#snapshots-snapshot-service), [keys](docs/guide.md#drsuiteclusters-keys), both
[images](docs/guide.md#images) [sections](docs/guide.md#images-1), a [link in a
heading](docs/guide.md#links-in-the-readme-and-emphasis), [deploy](deploy/compose) and its
[start](deploy/compose#start) ([compose file](deploy/compose/compose.yaml#L3)), [this page](#front-page), a
![picture](docs/diagram.svg "the diagram") and [another site](https://example.com/x#y) or [mail](mailto:a@b.c).

[reference]: docs/guide.md#images

Code is not read: \`[gone](missing.md)\` and

\`\`\`
[gone](missing.md)
\`\`\`
`;

const FILES = {
  "README.md": GOOD_README,
  "docs/guide.md": GUIDE,
  "docs/diagram.svg": "<svg/>",
  "deploy/compose/README.md": "# Compose\n\n## Start\n",
  "deploy/compose/compose.yaml": "services: {}\n",
};

/** The problems of one page added to the good tree as path. */
function problemsOf(path, text) {
  return linkProblems(path, text, treeOf({ ...FILES, [path]: text }));
}

const cases = [
  [
    "GitHub's anchors: lowercase, punctuation dropped, spaces to -, duplicates numbered",
    async () => {
      const expected = {
        "Measured: switchover and failover": "measured-switchover-and-failover",
        "Snapshots (snapshot-service)": "snapshots-snapshot-service",
        "`drsuite.clusters.*` keys": "drsuiteclusters-keys",
        "What is outside these manifests": "what-is-outside-these-manifests",
        "Fast start: the JDK AOT cache": "fast-start-the-jdk-aot-cache",
        "Two instances, one task": "two-instances-one-task",
        "snake_case and kebab-case": "snake_case-and-kebab-case",
      };
      const wrong = Object.entries(expected)
        .filter(([heading, slug]) => githubSlug(heading) !== slug)
        .map(([heading, slug]) => `"${heading}" gave ${githubSlug(heading)}, not ${slug}`);
      const anchors = [...anchorsOf("# A\n\n## A\n\n## A\n\n## A-1\n")];
      return [...wrong, ...(anchors.join(" ") === "a a-1 a-2 a-1-1" ? [] : [`duplicates gave ${anchors.join(" ")}`])];
    },
  ],
  [
    "good links pass, every one of them read (code left out)",
    async () => {
      const read = linksOf(GOOD_README).length;
      return [
        ...expectNone(linkProblems("README.md", GOOD_README, treeOf(FILES))),
        ...(read === 15 ? [] : [`expected 15 links read, got ${read}`]),
      ];
    },
  ],
  [
    "a link to a missing file is caught, with its line",
    async () => expectCaught(problemsOf("docs/a.md", "# A\n\nSee\n[b](b.md).\n"), "line 4: (b.md) leads to docs/b.md"),
  ],
  [
    "a missing anchor on the same page is caught",
    async () => expectCaught(problemsOf("docs/a.md", "# A\n\n[up](#b)\n"), "no heading of docs/a.md has the anchor #b"),
  ],
  [
    "a missing anchor on another page is caught",
    async () =>
      expectCaught(
        problemsOf("docs/a.md", "[x](guide.md#measured-start-time)\n"),
        "no heading of docs/guide.md has the anchor #measured-start-time",
      ),
  ],
  [
    "a heading inside a code block is no anchor",
    async () =>
      expectCaught(problemsOf("docs/a.md", "[x](guide.md#not-a-heading-inside-a-code-block)\n"), "no heading of"),
  ],
  [
    "a third duplicate that does not exist is caught",
    async () => expectCaught(problemsOf("docs/a.md", "[x](guide.md#images-2)\n"), "#images-2"),
  ],
  [
    "an anchor in a folder's README that does not exist is caught",
    async () => expectCaught(problemsOf("docs/a.md", "[x](../deploy/compose#stop)\n"), "deploy/compose/README.md"),
  ],
  [
    "a broken reference definition is caught",
    async () => expectCaught(problemsOf("docs/a.md", "[ref]: ../docs/gone.md\n"), "docs/gone.md, which does not"),
  ],
  [
    "an absolute path, a link out of the repository and an anchor into a non-Markdown file are caught",
    async () => {
      const problems = problemsOf("docs/a.md", "[a](/docs/guide.md) [b](../../x.md) [c](diagram.svg#top)\n");
      return [
        ...expectCaught(problems, "(/docs/guide.md) is an absolute path"),
        ...expectCaught(problems, "(../../x.md) leads out of the repository"),
        ...expectCaught(problems, "docs/diagram.svg is not a Markdown page"),
      ];
    },
  ],
];

const report = new Report();
await runSelfTestCases(cases, report);
report.finish("link check self-test", !process.argv.includes("--no-summary"));
