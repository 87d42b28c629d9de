package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.sellercenter.SellerCenterData.Order;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Product;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A modern storefront-style seller center: the page is a shell, the data is SSR JSON in {@code __NEXT_DATA__}. */
final class NextDataPages implements SellerCenterPages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ORDERED_AT = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    @Override
    public String productList(List<Product> products, int page, int totalPages) {
        return shell("/products", Map.of("page", page, "totalPages", totalPages, "items", products.stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", p.id());
            item.put("code", p.code());
            item.put("name", p.name());
            item.put("price", p.price());
            item.put("onSale", p.selling());
            return item;
        }).toList()));
    }

    @Override
    public String product(Product p, PageFieldDrift.Shown shown) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", p.id());
        product.put("code", p.code());
        product.put("name", p.name());
        product.put("price", p.price());
        product.put("options", p.variants().stream().map(v -> Map.of("label", v.option(), "sku", v.sku(),
                "stockText", shown.stock(v), "extraPrice", shown.extraPriceJson(v))).toList());
        return shell("/products/[id]", Map.of("product", product));
    }

    @Override
    public String orderList(String date, List<Order> orders, int page, int totalPages) {
        return shell("/orders", Map.of("date", date, "page", page, "totalPages", totalPages, "orders",
                orders.stream().map(o -> Map.of("orderNo", o.orderNo(), "orderedAt", o.orderedAt().format(ORDERED_AT),
                        "total", o.total(), "lines", o.lines().stream().map(l -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("lineNo", l.lineNo());
                            line.put("productId", l.product().id());
                            line.put("productName", l.product().name());
                            line.put("option", l.variant().option());
                            line.put("sku", l.variant().sku());
                            line.put("qty", l.quantity());
                            line.put("unitPrice", l.unitPrice());
                            line.put("status", l.status());
                            return line;
                        }).toList())).toList()));
    }

    private static String shell(String route, Map<String, Object> pageProps) {
        String data = JSON.writeValueAsString(Map.of("props", Map.of("pageProps", pageProps), "page", route))
                .replace("</", "<\\/");
        return Html.page("셀러 어드민", "<div id=\"__next\"><div class=\"spinner\">불러오는 중…</div></div>\n"
                + "<script id=\"__NEXT_DATA__\" type=\"application/json\">" + data + "</script>");
    }
}
