package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Order;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stylemarket (HTML tables) and nextshop ({@code __NEXT_DATA__}) flavours: one catalogue and order model, paged
 * by order, rendered two ways.
 */
final class ClassicBackOffice implements BackOffice {

    static final int PRODUCTS_PER_PAGE = 20;
    static final int ORDERS_PER_PAGE = 20;

    private final String base;
    private final boolean nextData;
    private final LocalDate today;
    private final Faults faults;
    private final SellerCenterData data;
    private final PageFieldDrift drift;

    ClassicBackOffice(String base, boolean nextData, SandboxConfig config, int index, Faults faults) {
        this.base = base;
        this.nextData = nextData;
        this.today = config.today();
        this.faults = faults;
        this.data = new SellerCenterData(config, index);
        this.drift = new PageFieldDrift(faults, config.seed(), base.substring(base.lastIndexOf('/') + 1));
    }

    @Override
    public SellerCenterFlavour flavour() {
        return nextData ? SellerCenterFlavour.NEXT_DATA : SellerCenterFlavour.HTML;
    }

    @Override
    public SandboxResponse page(String path, SandboxRequest request) {
        SellerCenterPages pages = nextData ? new NextDataPages() : new TablePages(base, faults.layoutV2());
        if (path.equals("/products")) {
            int page = Paging.page(request);
            int total = Paging.pages(data.products.size(), PRODUCTS_PER_PAGE);
            return SandboxResponse.html(200, pages.productList(Paging.slice(data.products, page, PRODUCTS_PER_PAGE),
                    page, total));
        }
        if (path.startsWith("/products/")) {
            long productId = Long.parseLong(path.substring("/products/".length()));
            return data.products.stream().filter(p -> p.id() == productId).findFirst()
                    .map(p -> SandboxResponse.html(200, pages.product(p, drift.render(p.id(), productPages()))))
                    .orElse(BackOffice.noSuchProduct());
        }
        if (path.equals("/orders")) {
            String date = request.query().getOrDefault("date", today.toString());
            List<Order> day = data.ordersOn(LocalDate.parse(date));
            int page = Paging.page(request);
            return SandboxResponse.html(200, pages.orderList(date, Paging.slice(day, page, ORDERS_PER_PAGE), page,
                    Paging.pages(day.size(), ORDERS_PER_PAGE)));
        }
        return BackOffice.noSuchPage();
    }

    private List<PageFieldDrift.ProductPage> productPages() {
        return data.products.stream().map(p -> new PageFieldDrift.ProductPage(p.id(), p.variants())).toList();
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
            m.put("name", p.name());
            m.put("price", p.price());
            m.put("selling", p.selling());
            m.put("variants", p.variants().stream().map(v -> Map.of("option", v.option(), "sku", v.sku(),
                    "stock", v.stock(), "stockText", v.stockText(), "extraPrice", v.extraPrice())).toList());
            return m;
        }).toList());
        truth.put("orders", data.orders.stream().map(o -> Map.of("orderNo", o.orderNo(),
                "orderedAt", o.orderedAt().toString(), "total", o.total(),
                "lines", o.lines().stream().map(l -> Map.of("lineNo", l.lineNo(), "productId", l.product().id(),
                        "productName", l.product().name(), "option", l.variant().option(), "sku", l.variant().sku(),
                        "quantity", l.quantity(), "unitPrice", l.unitPrice(), "status", l.status())).toList())).toList());
        return truth;
    }
}
