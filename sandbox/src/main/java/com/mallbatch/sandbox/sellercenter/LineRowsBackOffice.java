package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.sellercenter.LineRowsData.Row;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The easyseller flavour ("line-rows"): an Ably-style back office whose order list has one row per order line. */
final class LineRowsBackOffice implements BackOffice {

    static final int PRODUCTS_PER_PAGE = 20;

    private final String base;
    private final LocalDate today;
    private final Faults faults;
    private final LineRowsData data;
    private final PageFieldDrift drift;

    /** {@code number} is the center's: 1 for easyseller01. */
    LineRowsBackOffice(String base, SandboxConfig config, int number, Faults faults) {
        this.base = base;
        this.today = config.today();
        this.faults = faults;
        this.data = new LineRowsData(config, number);
        this.drift = new PageFieldDrift(faults, config.seed(), base.substring(base.lastIndexOf('/') + 1));
    }

    @Override
    public SellerCenterFlavour flavour() {
        return SellerCenterFlavour.LINE_ROWS;
    }

    @Override
    public SandboxResponse page(String path, SandboxRequest request) {
        LineRowsPages pages = new LineRowsPages(base, faults.layoutV2());
        if (path.equals("/products")) {
            int page = Paging.page(request);
            return SandboxResponse.html(200, pages.productList(Paging.slice(data.products, page, PRODUCTS_PER_PAGE),
                    page, Paging.pages(data.products.size(), PRODUCTS_PER_PAGE)));
        }
        if (path.startsWith("/products/")) {
            long productId = Long.parseLong(path.substring("/products/".length()));
            return data.products.stream().filter(p -> p.id() == productId).findFirst()
                    .map(p -> SandboxResponse.html(200, p.deleted() ? LineRowsPages.DELETED_PRODUCT
                            : pages.product(p, drift.render(p.id(), productPages()))))
                    .orElse(BackOffice.noSuchProduct());
        }
        if (path.equals("/orders")) {
            LocalDate day = LocalDate.parse(request.query().getOrDefault("date", today.toString()));
            List<Row> rows = data.rowsOn(day);
            int page = Paging.page(request);
            return SandboxResponse.html(200, pages.orderList(day.toString(),
                    Paging.slice(rows, page, LineRowsData.LINES_PER_PAGE), data.totals(day), page,
                    Paging.pages(rows.size(), LineRowsData.LINES_PER_PAGE)));
        }
        return BackOffice.noSuchPage();
    }

    /** The products whose page exists: a deleted one's is gone. */
    private List<PageFieldDrift.ProductPage> productPages() {
        return data.products.stream().filter(p -> !p.deleted())
                .map(p -> new PageFieldDrift.ProductPage(p.id(), p.variants())).toList();
    }

    @Override
    public List<DriftedField> driftedFields() {
        return drift.drifted(productPages());
    }

    @Override
    public Map<String, Object> groundTruth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("products", data.products.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("code", p.code());
            m.put("brand", p.brand());
            m.put("name", p.name());
            m.put("listPrice", p.listPrice()); // null when the product is not discounted
            m.put("price", p.price());
            m.put("status", p.status());
            m.put("deleted", p.deleted());
            m.put("variants", p.variants().stream().map(v -> Map.of("option", v.option(), "sku", v.sku(),
                    "stock", v.stock(), "stockText", v.stockText(), "extraPrice", v.extraPrice())).toList());
            return m;
        }).toList());
        truth.put("orders", data.orders().stream().map(o -> Map.of("orderNo", o.orderNo(),
                "orderedAt", o.orderedAt().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                "lines", o.lines().stream().map(l -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("lineNo", l.lineNo());
                    m.put("productId", l.product().id());
                    m.put("productName", l.product().name());
                    m.put("option", l.variant().option());
                    m.put("sku", l.variant().sku());
                    m.put("quantity", l.quantity());
                    m.put("listPrice", l.listPrice());
                    m.put("discount", l.discount());
                    m.put("coupon", l.coupon());
                    m.put("paid", l.paid());
                    m.put("status", l.status());
                    return m;
                }).toList())).toList());
        truth.put("dailyTotals", data.dailyTotals().stream().map(t -> Map.of("date", t.date().toString(),
                "orderCount", t.orderCount(), "amount", t.amount())).toList());
        return truth;
    }
}
