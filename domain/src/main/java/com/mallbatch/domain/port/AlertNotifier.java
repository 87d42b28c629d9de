package com.mallbatch.domain.port;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells people about something that needs them: an account that keeps failing, one that was paused. Delivering is
 * best effort: a notifier never fails the run that raised the alert, and an alert never carries a secret.
 */
public interface AlertNotifier {

    /**
     * One message for one tenant's people.
     *
     * @param fields  short labelled facts, in order ("Account" → "acme/CAFE24/acmeshop")
     * @param context one line on where to look or what to do next
     */
    record Alert(String tenantKey, String title, Map<String, String> fields, String context) {
        public Alert {
            Objects.requireNonNull(tenantKey, "tenantKey");
            Objects.requireNonNull(title, "title");
            fields = new LinkedHashMap<>(fields);
        }
    }

    void notify(Alert alert);

    /**
     * As {@link #notify}, saying whether the alert reached where the tenant's alerts go (the log, when nothing else is
     * configured); a caller that must not lose it (a digest) keeps it for the next run when it did not.
     */
    default boolean deliver(Alert alert) {
        notify(alert);
        return true;
    }
}
