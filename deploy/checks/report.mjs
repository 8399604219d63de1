// How the checks of deploy/checks report, shared by check.mjs, links.mjs and their self-tests: one "ok    CHECK" line
// per check that holds, one "FAIL  CHECK: PROBLEM" line per problem, then "<title>: N passed, N failed", or with
// --no-summary "# counts PASSED FAILED", which check.sh adds to its own counts.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

export class Report {
  passed = 0;
  failed = 0;

  record(what, problems, warnings = []) {
    for (const warning of warnings) {
      console.log(`warn  ${what}: ${warning}`);
    }
    if (problems.length === 0) {
      this.passed++;
      console.log(`ok    ${what}`);
    } else {
      this.failed++;
      for (const problem of problems) {
        console.log(`FAIL  ${what}: ${problem}`);
      }
    }
  }

  /** Prints the summary (or the counts for check.sh) and sets the exit code. */
  finish(title, summary) {
    console.log(
      summary ? `${title}: ${this.passed} passed, ${this.failed} failed` : `# counts ${this.passed} ${this.failed}`,
    );
    process.exitCode = this.failed === 0 ? 0 : 1;
  }
}

/** True when the module of importMetaUrl is the script node was started with, not a module imported by another. */
export function isMainModule(importMetaUrl) {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(realpathSync(script)).href === importMetaUrl;
}

// Self-tests: each case is [name, async () => problems]; a case holds when its list of problems is empty.

export const expectNone = (problems) =>
  problems.length === 0 ? [] : [`expected no problems, got: ${problems.join("; ")}`];

export const expectCaught = (problems, fragment) =>
  problems.some((p) => p.includes(fragment))
    ? []
    : [`expected a problem mentioning "${fragment}", got: ${problems.join("; ") || "none"}`];

/** Runs self-test cases into a report, "self-test: " before each name; a case that throws fails. */
export async function runSelfTestCases(cases, report) {
  for (const [name, test] of cases) {
    let problems;
    try {
      problems = await test();
    } catch (error) {
      problems = [`threw ${error.stack}`];
    }
    report.record(`self-test: ${name}`, problems);
  }
}
