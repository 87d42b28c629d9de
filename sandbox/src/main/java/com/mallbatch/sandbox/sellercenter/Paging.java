package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.SandboxRequest;

import java.util.List;

/** List paging shared by every flavour: pages are 1-based, and a page past the end is empty. */
final class Paging {

    private Paging() {
    }

    static int page(SandboxRequest request) {
        return Math.max(1, Integer.parseInt(request.query().getOrDefault("page", "1")));
    }

    static int pages(int items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    static <T> List<T> slice(List<T> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        return all.subList(from, Math.min(all.size(), from + perPage));
    }
}
