package io.drsuite.clusterclient.host;

/**
 * The local executor against real programs, run as the {@code postgres} OS user (the tests run as root): every case
 * is the {@link HostExecutorContract}'s.
 */
class LocalHostExecutorTest extends HostExecutorContract {

    private final LocalHostExecutor postgres = new LocalHostExecutor("postgres");

    @Override
    HostExecutor executor() {
        return postgres;
    }

    @Override
    String description() {
        return "local host as postgres";
    }

    @Override
    int sleepOffset() {
        return 0;
    }
}
