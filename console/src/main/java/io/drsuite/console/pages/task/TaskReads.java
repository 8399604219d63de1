package io.drsuite.console.pages.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the task pages read from task-service (and relationship-service, for names) as the signed-in user. */
@RequestScoped
public class TaskReads {

    /** The list shows the newest tasks, one page of task-service's largest. */
    static final int NEWEST = 500;

    private final SuiteApi api;

    TaskReads(SuiteApi api) {
        this.api = api;
    }

    /** The newest tasks, in one state and of one type when given. */
    public List<TaskSummary> newest(TaskFilter filter) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", NEWEST);
        query.put("state", filter.state());
        JsonNode page = api.get(Service.TASK, "/api/v1/tasks", query);
        List<TaskSummary> tasks = new ArrayList<>();
        page.forEach(task -> {
            TaskSummary summary = TaskSummary.of(task);
            if (filter.matchesType(summary.type())) {
                tasks.add(summary);
            }
        });
        return tasks;
    }

    public Optional<TaskDetail> task(UUID id) {
        return api.find(Service.TASK, "/api/v1/tasks/{id}", id).map(TaskDetail::of);
    }

    /** Relationship names by id, to name a task's target. */
    public Map<String, String> relationshipNames() {
        Map<String, String> names = new HashMap<>();
        api.list(Service.RELATIONSHIP, "/api/v1/relationships", Map.of("limit", 200))
                .forEach(relationship -> names.put(relationship.path("id").asText(),
                        relationship.path("name").asText()));
        return names;
    }
}
