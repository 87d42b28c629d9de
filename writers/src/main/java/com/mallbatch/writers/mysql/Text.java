package com.mallbatch.writers.mysql;

/** Fits free text into a column. */
final class Text {

    private Text() {
    }

    /** The text, cut to {@code max} characters with an ellipsis when longer; null stays null. */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
