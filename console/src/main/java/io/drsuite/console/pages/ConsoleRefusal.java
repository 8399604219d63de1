package io.drsuite.console.pages;

/** The console itself refuses a request before asking any service (400), e.g. a confirmation that was not typed. */
public class ConsoleRefusal extends RuntimeException {

    public ConsoleRefusal(String message) {
        super(message);
    }
}
