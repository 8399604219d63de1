package io.drsuite.monitor.sessions;

import io.drsuite.clusterclient.Login;

/** The login a node's monitoring session opens with, and whether it is the monitoring role or the admin login. */
record SessionLogin(Login login, boolean monitorRole) {

    String username() {
        return login.username();
    }
}
