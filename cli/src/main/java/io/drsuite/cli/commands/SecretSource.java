package io.drsuite.cli.commands;

import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a password comes from: a file ({@code --...-password-file}), an environment variable named by the user
 * ({@code --...-password-env}), or a prompt without echo. Never a flag's value, which would stay in the shell's
 * history and in the process list.
 */
public final class SecretSource {

    private SecretSource() {
    }

    /**
     * @param what     what the secret is for, in the prompt and in errors ("the admin login's password")
     * @param file     a file holding it (its first line), or null
     * @param variable an environment variable holding it, or null
     */
    public static String read(Cli cli, String what, Path file, String variable) {
        if (file != null) {
            try {
                String content = Files.readString(file).lines().findFirst().orElse("");
                if (content.isEmpty()) {
                    throw CliFailure.usage(file + " is empty; it should hold " + what);
                }
                return content;
            } catch (IOException e) {
                throw CliFailure.usage("cannot read " + what + " from " + file + ": " + e.getMessage());
            }
        }
        if (variable != null) {
            String value = cli.environment().get(variable);
            if (value == null || value.isEmpty()) {
                throw CliFailure.usage("the environment variable " + variable + " is not set; it should hold " + what);
            }
            return value;
        }
        char[] typed = cli.terminal().readSecret(Character.toUpperCase(what.charAt(0)) + what.substring(1) + ": ");
        if (typed.length == 0) {
            throw CliFailure.usage("no " + what + " given");
        }
        return new String(typed);
    }
}
