package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.sellercenter.SellerCenterData.Line;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Order;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Product;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Variant;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The classic server-rendered seller center: HTML tables, "다음" links for pagination. In layout v2 every class
 * name changes, as after a redesign.
 */
final class TablePages implements SellerCenterPages {

    private static final DateTimeFormatter ORDERED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String base;
    private final UnaryOperator<String> cls;

    TablePages(String base, boolean layoutV2) {
        this.base = base;
        this.cls = layoutV2 ? name -> "v2-" + name.replace("-", "_") : name -> name;
    }

    @Override
    public String productList(List<Product> products, int page, int totalPages) {
        StringBuilder rows = new StringBuilder();
        for (Product p : products) {
            rows.append("<tr class=\"").append(cls.apply("product-row")).append("\">")
                    .append(td("code", Html.escape(p.code())))
                    .append(td("name", "<a href=\"" + base + "/products/" + p.id() + "\">" + Html.escape(p.name()) + "</a>"))
                    .append(td("price", Html.won(p.price())))
                    .append(td("status", p.selling() ? "판매중" : "판매중지"))
                    .append("</tr>\n");
        }
        if (products.isEmpty()) {
            rows.append("<tr><td class=\"empty\" colspan=\"4\">등록된 상품이 없습니다</td></tr>");
        }
        return Html.page("상품 목록 " + page + "/" + totalPages, "<table class=\"" + cls.apply("product-list") + "\">"
                + "<thead><tr><th>상품코드</th><th>상품명</th><th>판매가</th><th>상태</th></tr></thead><tbody>\n" + rows
                + "</tbody></table>" + pagination(base + "/products?page=", page, totalPages));
    }

    @Override
    public String product(Product p) {
        StringBuilder rows = new StringBuilder();
        for (Variant v : p.variants()) {
            rows.append("<tr class=\"").append(cls.apply("option-row")).append("\">")
                    .append(td("option-name", Html.escape(v.option())))
                    .append(td("sku", Html.escape(v.sku())))
                    .append(td("stock", v.stockText()))
                    .append(td("extra-price", v.extraPrice() == 0 ? "" : "+" + Html.won(v.extraPrice())))
                    .append("</tr>\n");
        }
        return Html.page(p.name(), "<h1 class=\"" + cls.apply("product-name") + "\">" + Html.escape(p.name()) + "</h1>"
                + "<span class=\"" + cls.apply("product-code") + "\">" + Html.escape(p.code()) + "</span>"
                + "<table class=\"" + cls.apply("options") + "\"><tbody>\n" + rows + "</tbody></table>");
    }

    @Override
    public String orderList(String date, List<Order> orders, int page, int totalPages) {
        StringBuilder body = new StringBuilder();
        for (Order o : orders) {
            body.append("<tbody class=\"").append(cls.apply("order")).append("\"><tr class=\"").append(cls.apply("order-head"))
                    .append("\">").append(td("order-no", o.orderNo()))
                    .append(td("ordered-at", o.orderedAt().format(ORDERED_AT)))
                    .append(td("order-total", Html.won(o.total()))).append("</tr>\n");
            for (Line l : o.lines()) {
                body.append("<tr class=\"").append(cls.apply("order-line")).append("\">")
                        .append(td("line-no", l.lineNo()))
                        .append(td("line-product", "<a href=\"" + base + "/products/" + l.product().id() + "\">"
                                + Html.escape(l.product().name()) + "</a>"))
                        .append(td("line-option", Html.escape(l.variant().option())))
                        .append(td("line-sku", Html.escape(l.variant().sku())))
                        .append(td("qty", String.valueOf(l.quantity())))
                        .append(td("unit-price", Html.won(l.unitPrice())))
                        .append(td("line-status", l.status()))
                        .append("</tr>\n");
            }
            body.append("</tbody>\n");
        }
        if (orders.isEmpty()) {
            body.append("<tbody><tr><td class=\"empty\">주문 내역이 없습니다</td></tr></tbody>");
        }
        return Html.page("주문 목록 " + date, "<table class=\"" + cls.apply("order-list") + "\">\n" + body + "</table>"
                + pagination(base + "/orders?date=" + date + "&page=", page, totalPages));
    }

    private String td(String name, String content) {
        return "<td class=\"" + cls.apply(name) + "\">" + content + "</td>";
    }

    private String pagination(String prefix, int page, int totalPages) {
        return "<div class=\"" + cls.apply("pagination") + "\"><span class=\"current\">" + page + "</span>"
                + (page < totalPages ? " <a class=\"" + cls.apply("next") + "\" href=\"" + prefix + (page + 1) + "\">다음</a>" : "")
                + "</div>";
    }
}
