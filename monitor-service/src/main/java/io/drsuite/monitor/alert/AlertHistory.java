package io.drsuite.monitor.alert;

import io.drsuite.monitor.model.Alert;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The alerts raised so far, for the API: newest first, a page at a time. */
@ApplicationScoped
public class AlertHistory {

    /** In one state when it is given, every alert otherwise. */
    @Transactional
    public Page<Alert> newestFirst(Alert.State state, PageRequest page) {
        return Alert.newestFirst(state, page);
    }
}
