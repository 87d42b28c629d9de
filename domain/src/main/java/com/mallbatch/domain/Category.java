package com.mallbatch.domain;

/** A mall's product category. */
public record Category(long accountId, String categoryNo, String name, String parentCategoryNo, int depth) {
}
