package io.drsuite.relationship.drill;

import java.util.List;

/**
 * A drill's report as one self-contained HTML page to attach to an audit: no scripts, no external assets, inline CSS,
 * every value escaped (check names, SQL and results come from users and from the managed databases).
 */
final class DrillReportPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2327;max-width:64rem}
            h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #c3c4c7;padding:.35rem .6rem;
            text-align:left;vertical-align:top}th{background:#f0f0f1}code,pre{font-family:ui-monospace,monospace;
            white-space:pre-wrap;margin:0}.passed{color:#00691c;font-weight:600}.failed{color:#b32d2e;font-weight:600}
            .running{color:#8a5a00;font-weight:600}dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}
            dt{font-weight:600}dd{margin:0}
            """;

    private DrillReportPage() {
    }

    static String render(DrillReport report) {
        String verdict = report.verdict() == null ? "running" : report.verdict();
        StringBuilder page = new StringBuilder(8192);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drill ")
                .append(e(report.relationship())).append(' ').append(e(report.id())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        page.append("<h1>DR drill of ").append(e(report.relationship())).append(": <span class=\"")
                .append(e(verdict)).append("\">").append(e(verdict)).append("</span></h1>\n");
        summary(page, report);
        reasons(page, report.reasons());
        figures(page, report);
        checks(page, report.checks());
        userChecks(page, report.userChecks());
        timeline(page, report.timeline());
        page.append("</body></html>\n");
        return page.toString();
    }

    private static void summary(StringBuilder page, DrillReport report) {
        page.append("<dl>");
        item(page, "Drill", report.id());
        item(page, "Kind", report.kind());
        item(page, "Relationship", report.relationship() + " (" + report.relationshipId() + ")");
        item(page, "Production cluster", report.primaryCluster());
        item(page, "DR cluster", report.drCluster());
        if (report.sandbox() != null) {
            item(page, "Sandbox", report.sandbox());
        }
        if (report.cluster() != null) {
            item(page, "Cluster tested", report.cluster());
        }
        item(page, "Requested by", report.requestedBy() == null ? "the suite" : report.requestedBy());
        if (report.plan() != null) {
            item(page, "Drill plan", report.plan());
        }
        item(page, "Requested at", report.requestedAt());
        item(page, "Finished at", report.finishedAt() == null ? "still running" : report.finishedAt());
        item(page, "Task", report.taskId() + (report.taskState() == null ? "" : ", " + report.taskState()));
        if (report.failedStep() != null) {
            item(page, "Failed step", report.failedStep());
        }
        if (report.taskError() != null) {
            item(page, "Task error", report.taskError());
        }
        page.append("</dl>\n");
    }

    private static void reasons(StringBuilder page, List<String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        page.append("<h2>Why it failed</h2><ul>");
        reasons.forEach(reason -> page.append("<li>").append(e(reason)).append("</li>"));
        page.append("</ul>\n");
    }

    private static void figures(StringBuilder page, DrillReport report) {
        DrillView.DrillFigures figures = report.figures();
        DrillView.DrillObjectives objectives = report.objectives();
        page.append("<h2>Figures against objectives</h2><table><tr><th>Figure</th><th>Measured</th>"
                + "<th>Objective</th></tr>");
        switch (DrillKind.fromWire(report.kind()).orElse(DrillKind.FAILOVER_REHEARSAL)) {
            case FAILOVER_REHEARSAL -> {
                row(page, "RTO (declared to first write on the copy)", seconds(figures.rtoSeconds()),
                        objective(objectives.rtoObjectiveSeconds()));
                row(page, "RPO in time", seconds(figures.rpoSeconds()), objective(objectives.rpoObjectiveSeconds()));
                row(page, "RPO in bytes (not received by the DR side)", number(figures.rpoBytes()), "");
                row(page, "Disaster declared at", number(figures.declaredAt()), "");
                row(page, "Data point (LSN)", number(figures.dataPointLsn()), "");
                row(page, "DR standby replay paused for checksums", seconds(figures.sourcePauseSeconds()), "");
            }
            case SWITCHOVER_ROUND_TRIP -> {
                row(page, "Write outage, production to DR", seconds(figures.outageThereSeconds()),
                        objective(objectives.rtoObjectiveSeconds()));
                row(page, "Write outage, DR back to production", seconds(figures.outageBackSeconds()),
                        objective(objectives.rtoObjectiveSeconds()));
                row(page, "Canary commits acknowledged", number(figures.canaryCommits()), "");
                row(page, "Acknowledged canary commits lost", number(figures.canaryLostCommits()), "0");
            }
            case RESTORE_TEST -> {
                row(page, "Restore time (start to accepting connections)", seconds(figures.restoreSeconds()),
                        objective(objectives.restoreObjectiveSeconds()));
                row(page, "Snapshot restored", number(figures.snapshotId()), "");
                row(page, "Point reached (LSN)", number(figures.restoredLsn()), "");
            }
        }
        page.append("</table>\n");
    }

    private static void checks(StringBuilder page, List<CheckOutcome> checks) {
        page.append("<h2>Checks</h2>");
        if (checks.isEmpty()) {
            page.append("<p>No check results.</p>\n");
            return;
        }
        page.append("<table><tr><th>Check</th><th>Kind</th><th>Outcome</th><th>Detail</th></tr>");
        for (CheckOutcome check : checks) {
            String outcome = check.passed() ? "passed" : "failed";
            page.append("<tr><td><code>").append(e(check.name())).append("</code></td><td>").append(e(check.kind()))
                    .append("</td><td class=\"").append(outcome).append("\">").append(outcome).append("</td><td>")
                    .append(e(check.detail())).append("</td></tr>");
        }
        page.append("</table>\n");
    }

    private static void userChecks(StringBuilder page, List<UserCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        page.append("<h2>User checks as requested</h2><table><tr><th>Check</th><th>SQL</th><th>Expected</th></tr>");
        for (UserCheck check : checks) {
            page.append("<tr><td><code>").append(e(check.name())).append("</code></td><td><pre>")
                    .append(e(check.sql())).append("</pre></td><td><code>").append(e(check.expected()))
                    .append("</code></td></tr>");
        }
        page.append("</table>\n");
    }

    private static void timeline(StringBuilder page, List<TimelineStep> steps) {
        page.append("<h2>Step timeline</h2>");
        if (steps.isEmpty()) {
            page.append("<p>No step reported.</p>\n");
            return;
        }
        page.append("<table><tr><th>At</th><th>Step</th><th>Progress</th></tr>");
        for (TimelineStep step : steps) {
            page.append("<tr><td>").append(e(step.at())).append("</td><td>").append(e(step.step())).append("</td><td>")
                    .append(step.percent()).append(" %</td></tr>");
        }
        page.append("</table>\n");
    }

    private static void item(StringBuilder page, String label, Object value) {
        page.append("<dt>").append(e(label)).append("</dt><dd>").append(e(value)).append("</dd>");
    }

    private static void row(StringBuilder page, String label, String measured, String objective) {
        page.append("<tr><td>").append(e(label)).append("</td><td>").append(e(measured)).append("</td><td>")
                .append(e(objective)).append("</td></tr>");
    }

    private static String seconds(Double value) {
        return value == null ? "not measured" : DrillVerdict.seconds(value) + " s";
    }

    private static String objective(Integer seconds) {
        return seconds == null ? "none set" : "at most " + seconds + " s";
    }

    private static String number(Object value) {
        return value == null ? "not measured" : value.toString();
    }

    private static String e(Object value) {
        return HtmlText.escape(value);
    }
}
