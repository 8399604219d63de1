package io.drsuite.cli.commands;

import io.drsuite.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl completion bash|zsh}: the shell completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(drctl completion bash)                 (add it to ~/.bashrc)",
            "  source <(drctl completion zsh)                  (add it to ~/.zshrc)"})
public class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    enum Shell {
        bash, zsh
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash("drctl", root);
        if (shell == Shell.zsh) {
            // picocli's script runs in zsh through bash compatibility, which these lines switch on.
            script = "#compdef drctl\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && "
                    + "bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.DONE;
    }
}
