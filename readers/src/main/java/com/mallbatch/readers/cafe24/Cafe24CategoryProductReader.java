package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.PageCursorReader;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which products each category displays, the documented way that costs the fewest calls: product lists carry no
 * categories (only a product's own detail does, a call per product), while {@code categories/{no}/products} answers a
 * whole category in one call (limit up to 50,000, no offset). The mall's category numbers come from the category
 * list, read once per open and walked in ascending order; the page token is the number of the category to read (or,
 * should it have vanished before a restart, the next one above it).
 */
final class Cafe24CategoryProductReader extends PageCursorReader<Cafe24CategoryProductReader.Listed, CategoryMembership> {

    record Listed(String categoryNo, JsonNode product) {
    }

    private static final int CATEGORY_PAGE = 100;
    private static final int MAX_PRODUCTS = 50_000;

    private final ApiClient client;
    private final long accountId;
    private List<Long> categoryNos;

    Cafe24CategoryProductReader(ApiClient client, long accountId) {
        super("cafe24.categoryProducts");
        this.client = client;
        this.accountId = accountId;
    }

    @Override
    protected String firstToken() {
        return "0";
    }

    @Override
    protected Page<Listed> fetch(String token) {
        long wanted = Long.parseLong(token);
        List<Long> categories = categoryNos().stream().filter(no -> no >= wanted).toList();
        if (categories.isEmpty()) {
            return new Page<>(List.of(), "(no categories from " + wanted + " on)", null);
        }
        String categoryNo = String.valueOf(categories.get(0));
        // display_group 1 is the category's normal display; 2 and 3 (recommended, new) repeat some of its products
        ApiClient.Reply reply = client.get("/api/v2/admin/categories/" + categoryNo + "/products",
                Map.of("display_group", "1", "limit", String.valueOf(MAX_PRODUCTS)));
        List<Listed> products = new ArrayList<>();
        reply.body().path("products").forEach(p -> products.add(new Listed(categoryNo, p)));
        // no offset: a full page may hide more (after a 5xx shrank the limit, or past 50,000), and memberships not
        // seen are removed when the step completes — so a possibly cut answer fails the account instead
        if (products.size() >= reply.pageSize()) {
            throw new MallApiException("Cafe24 category " + categoryNo + " answered a full page of " + products.size()
                    + " products at limit " + reply.pageSize() + " (" + reply.url() + "); its memberships may be cut "
                    + "short, so they are not loaded: run again" + (reply.pageSize() >= MAX_PRODUCTS
                    ? ", and if it repeats, the category holds more than Cafe24 lists in one call" : ""));
        }
        return new Page<>(products, reply.url(), categories.size() > 1 ? String.valueOf(categories.get(1)) : null);
    }

    @Override
    protected CategoryMembership map(Listed listed, String source) {
        return Cafe24Mapper.membership(accountId, listed.categoryNo(), listed.product(), source);
    }

    private List<Long> categoryNos() {
        if (categoryNos == null) {
            List<Long> all = new ArrayList<>();
            // the next offset is where this page ended: a retry after a 5xx may have asked for a smaller page, and
            // stepping a whole CATEGORY_PAGE on would skip categories, whose memberships are then removed as unseen
            for (int offset = 0; ; ) {
                ApiClient.Reply reply = client.get("/api/v2/admin/categories",
                        Map.of("limit", String.valueOf(CATEGORY_PAGE), "offset", String.valueOf(offset)));
                int before = all.size();
                reply.body().path("categories").forEach(c -> all.add(c.path("category_no").asLong()));
                int read = all.size() - before;
                if (read < reply.pageSize()) {
                    break;
                }
                offset += read;
            }
            categoryNos = all.stream().sorted().toList();
        }
        return categoryNos;
    }
}
