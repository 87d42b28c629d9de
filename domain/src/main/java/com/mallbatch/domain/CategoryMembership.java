package com.mallbatch.domain;

/** A product displayed in a category of its mall; settlement's per-category commission rules match on these. */
public record CategoryMembership(long accountId, String categoryNo, String productNo) {
}
