package io.drsuite.cli.output;

import io.drsuite.cli.CliFailure;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where drctl writes and reads: stdout for results, stderr for messages. It knows whether stdout is a terminal
 * (progress bars and in-place refreshes only there) and whether colours are wanted (a terminal, no
 * {@code NO_COLOR}, not {@code TERM=dumb}, no {@code --no-color}).
 */
public final class Terminal {

    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final boolean colour;
    private final int width;
    private final BufferedReader input;
    private BufferedReader stdin;

    public Terminal(PrintStream out, PrintStream err, boolean interactive, boolean colour, int width) {
        this(out, err, interactive, colour, width, null);
    }

    /** @param input where answers are read from when there is no console (null: stdin) */
    public Terminal(PrintStream out, PrintStream err, boolean interactive, boolean colour, int width,
            BufferedReader input) {
        this.input = input;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.colour = colour;
        this.width = width;
    }

    /** The terminal this process runs in. */
    public static Terminal system(Map<String, String> environment, boolean noColourFlag) {
        boolean interactive = stdoutIsTerminal();
        String noColour = environment.get("NO_COLOR");
        boolean colour = interactive && !noColourFlag && (noColour == null || noColour.isEmpty())
                && !"dumb".equals(environment.get("TERM"));
        int width = 100;
        try {
            width = Math.max(40, Integer.parseInt(environment.getOrDefault("COLUMNS", "100").trim()));
        } catch (NumberFormatException e) {
            // keep 100
        }
        return new Terminal(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), interactive, colour, width);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean interactive() {
        return interactive;
    }

    public boolean colour() {
        return colour;
    }

    public int width() {
        return width;
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String yellow(String text) {
        return paint("33", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }

    /** A line typed by the user after a prompt on stderr; null at the end of input. */
    public String readLine(String prompt) {
        err.print(prompt);
        err.flush();
        Console console = System.console();
        if (console != null && interactive && input == null) {
            return console.readLine();
        }
        try {
            return stdin().readLine();
        } catch (IOException e) {
            throw CliFailure.usage("cannot read the answer: " + e.getMessage());
        }
    }

    /** A secret typed without echo; from stdin when there is no terminal. */
    public char[] readSecret(String prompt) {
        Console console = System.console();
        if (console != null && interactive && input == null) {
            char[] secret = console.readPassword("%s", prompt);
            if (secret == null) {
                throw CliFailure.usage("no answer given");
            }
            return secret;
        }
        String line = readLine(prompt);
        if (line == null) {
            err.println();
            throw CliFailure.usage("no answer given (stdin ended)");
        }
        return line.toCharArray();
    }

    private BufferedReader stdin() {
        if (input != null) {
            return input;
        }
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return stdin;
    }

    /**
     * Since JDK 22, {@code System.console()} also answers when stdout is redirected; {@code Console.isTerminal()}
     * (22+) tells the two apart. On 21 a console exists only on a terminal.
     */
    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            MethodHandle isTerminal = MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class));
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
