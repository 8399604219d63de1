package io.drsuite.platform.audit;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Searches the service's audit log for the API, newest first, a page at a time. */
@ApplicationScoped
public class AuditSearch {

    @Transactional
    public Page<AuditRecord> newestFirst(AuditQuery query, PageRequest page) {
        return query.run(page);
    }
}
