package io.drsuite.cli.commands.drill;

import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl drill report ID}: the drill's evidence, as JSON or as a self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "A drill's whole evidence: who ran it and "
        + "when, the objectives, the figures, every check and the step timeline. JSON (or YAML with -o yaml), or "
        + "with --html a self-contained page to attach to an audit.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill report 6f1c0b7d-2a4e-4c55-9a51-3e2f1d0c9b8a",
            "  drctl drill report 6f1c0b7d-2a4e-4c55-9a51-3e2f1d0c9b8a --html drill.html"})
public class DrillReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The drill's id")
    String id;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report to FILE")
    Path html;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        ApiPath path = ApiPath.of(Drills.PATH + "/{}/report", id);
        if (html == null) {
            cli.printer().document(cli.client().get(Service.RELATIONSHIP, path));
            return ExitCode.DONE;
        }
        String page = cli.client().getHtml(Service.RELATIONSHIP, path);
        try {
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.OPERATION_FAILED, "cannot write " + html + ": " + e.getMessage(), e);
        }
        cli.terminal().err().println("Report written to " + html);
        return ExitCode.DONE;
    }
}
