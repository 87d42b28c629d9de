package com.mallbatch.admin.infrastructure.web.charts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** A chart's words from the message bundles, in the language of the request. */
public class ChartLabels {

    private final MessageSource messages;

    public ChartLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The title (with its arguments), the unit and the sentence for a chart without data, each under its key. */
    public LineChart.Labels of(String titleKey, Object[] titleArgs, String unitKey, String emptyKey) {
        return new LineChart.Labels(message(titleKey, titleArgs), message(unitKey, null), message(emptyKey, null));
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
