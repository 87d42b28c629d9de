package com.mallbatch.readers;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ids of the orders a reader has handed out in its step, kept in the step's ExecutionContext so that an order
 * found again (by another date filter, another page, or after a restart) is handed out once.
 */
public final class HandedOut {

    private final Set<String> ids = new LinkedHashSet<>();

    /** @return false when {@code id} was handed out already */
    public boolean add(String id) {
        return ids.add(id);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** Takes up what the step's last commit stored under {@code key}. */
    public void open(ExecutionContext context, String key) {
        ids.clear();
        String stored = context.getString(key, "");
        if (!stored.isEmpty()) {
            ids.addAll(Arrays.asList(stored.split(",")));
        }
    }

    public void update(ExecutionContext context, String key) {
        context.putString(key, String.join(",", ids));
    }
}
