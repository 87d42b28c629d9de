package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.KoreanGoods;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Variant;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An easyseller (Ably-style) back office's catalogue and orders, generated from the seed. Unlike the classic
 * flavours a product has a brand, a list price and a status word, a few listed products are already deleted, and
 * each order line carries its own discount, coupon, payment and status. Amounts are whole won.
 */
final class LineRowsData {

    /** The order list pages by line, not by order. */
    static final int LINES_PER_PAGE = 20;
    static final String ON_SALE = "판매중";
    static final String SOLD_OUT = "품절";
    static final String SUSPENDED = "판매중지";
    static final String HIDDEN = "숨김";
    static final String CANCELLED = "취소완료";

    private static final String[] BRANDS = {"어반소울", "모노멜로우", "LUNE", "Maison Kit", "데일리무드", "North Ridge",
            "오르다", "KNIT&CO"};

    /**
     * {@code listPrice} (정상가) is null unless above {@code price}. A {@code deleted} product is still listed but its
     * page is gone. {@code status} {@value #SOLD_OUT} means every variant's stock is 0, and only then.
     */
    record Product(long id, String code, String brand, String name, Long listPrice, long price, String status,
                   boolean deleted, List<Variant> variants) {
    }

    record Order(String orderNo, LocalDateTime orderedAt, List<Line> lines) {
    }

    /** {@code listPrice} is per unit; {@code discount} (the seller's) and {@code coupon} are for the whole line. */
    record Line(String lineNo, Product product, Variant variant, int quantity, long listPrice, long discount,
                long coupon, String status) {

        long paid() {
            return listPrice * quantity - discount - coupon;
        }
    }

    /** One row of the order list: a line and the order it belongs to. */
    record Row(Order order, Line line) {
    }

    /** What the order list's summary box shows for one day. */
    record DayTotals(LocalDate date, int orderCount, long amount) {
    }

    final List<Product> products = new ArrayList<>();
    private final Map<LocalDate, List<Order>> ordersByDay = new LinkedHashMap<>();

    /** {@code number} is the center's: 1 for easyseller01. */
    LineRowsData(SandboxConfig config, int number) {
        Random random = new Random(config.seed() * 6007 + 200 + number);
        for (int i = 0; i < config.productsPerMall(); i++) {
            products.add(product(config, number, i, random));
        }
        for (int age = config.historyDays(); age >= 0; age--) {
            LocalDate day = config.today().minusDays(age);
            ordersByDay.put(day, orders(config, number, day, age));
        }
    }

    private static Product product(SandboxConfig config, int number, int i, Random random) {
        Random goods = KoreanGoods.of(config.seed(), i);
        String name = KoreanGoods.name(goods);
        long price = 9_900 + goods.nextInt(800) * 100L + number * 500L;
        String code = KoreanGoods.sellerCode(i);
        int count = 1 + goods.nextInt(config.maxVariantsPerProduct());
        String status = status(i);
        List<Variant> variants = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            // the first variant of a product that is not sold out always has stock, so 품절 ⇔ no stock at all
            int stock = status.equals(SOLD_OUT) || (v > 0 && random.nextInt(8) == 0) ? 0 : 1 + random.nextInt(1_999);
            String text = stock == 0 ? KoreanGoods.pick(random, SellerCenterData.SOLD_OUT_TEXTS)
                    : String.format("%,d", stock);
            variants.add(new Variant(count == 1 ? "단일상품" : KoreanGoods.option(i, v), KoreanGoods.sellerSku(code, v),
                    stock, text, v % 3 == 2 ? 2_000 : 0));
        }
        String brand = i % 7 == 4 ? "" : KoreanGoods.pick(random, BRANDS);
        // about half the products are discounted from a 정상가 10–50 % higher, in whole thousands
        Long listPrice = random.nextBoolean() ? (price * (110 + random.nextInt(41)) / 100 + 999) / 1_000 * 1_000 : null;
        return new Product(300_000 + i * 7L + number, code, brand, name, listPrice, price, status, i % 30 == 13,
                variants);
    }

    /** Mostly on sale; each other status once every 16 products, so that even a small catalogue shows them all. */
    private static String status(int i) {
        return switch (i % 16) {
            case 3 -> SOLD_OUT;
            case 8 -> SUSPENDED;
            case 13 -> HIDDEN;
            default -> ON_SALE;
        };
    }

    private List<Order> orders(SandboxConfig config, int number, LocalDate day, int age) {
        Random daily = new Random(config.seed() * 7919 + (200 + number) * 1_000_003L + day.toEpochDay());
        int count = (int) Math.round(config.ordersPerDay() * (0.8 + 0.4 * daily.nextDouble()));
        int[] minutes = daily.ints(count, 0, 1_440).sorted().toArray();
        List<Order> orders = new ArrayList<>();
        int rows = 0;
        for (int n = 0; n < count; n++) {
            int lineCount = lineCount(daily);
            // no order ends exactly on a page break, so every break falls inside an order and splits it over two pages
            if ((rows + lineCount) % LINES_PER_PAGE == 0) {
                lineCount++;
            }
            rows += lineCount;
            String orderStatus = status(daily, age);
            List<Line> lines = new ArrayList<>();
            for (int l = 1; l <= lineCount; l++) {
                Product product = products.get(daily.nextInt(products.size()));
                Variant variant = product.variants().get(daily.nextInt(product.variants().size()));
                int quantity = 1 + daily.nextInt(3);
                long unitListPrice = (product.listPrice() == null ? product.price() : product.listPrice())
                        + variant.extraPrice();
                long discount = product.listPrice() == null ? 0 : (product.listPrice() - product.price()) * quantity;
                long coupon = daily.nextInt(4) == 0 ? 1_000L * (1 + daily.nextInt(5)) : 0;
                // a line mostly follows its order, but may be cancelled, returned or exchanged on its own
                String status = daily.nextInt(5) == 0 ? status(daily, age) : orderStatus;
                lines.add(new Line(String.valueOf(l), product, variant, quantity, unitListPrice, discount, coupon,
                        status));
            }
            String orderNo = day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", n + 1);
            orders.add(new Order(orderNo, day.atStartOfDay().plusMinutes(minutes[n]), lines));
        }
        return orders;
    }

    private static int lineCount(Random random) {
        int roll = random.nextInt(10);
        return roll < 6 ? 1 : roll < 9 ? 2 : 3;
    }

    private static String status(Random random, int age) {
        int roll = random.nextInt(100);
        if (age == 0) {
            return roll < 45 ? "결제완료" : roll < 80 ? "배송준비중" : roll < 90 ? "취소요청" : CANCELLED;
        }
        if (age <= 2) {
            return roll < 15 ? "배송준비중" : roll < 55 ? "배송중" : roll < 85 ? "배송완료" : roll < 92 ? "취소요청" : CANCELLED;
        }
        return roll < 30 ? "배송완료" : roll < 70 ? "구매확정" : roll < 78 ? "반품요청" : roll < 88 ? "반품완료"
                : roll < 94 ? "교환완료" : CANCELLED;
    }

    List<Order> orders() {
        return ordersByDay.values().stream().flatMap(List::stream).toList();
    }

    List<Order> ordersOn(LocalDate day) {
        return ordersByDay.getOrDefault(day, List.of());
    }

    List<Row> rowsOn(LocalDate day) {
        return ordersOn(day).stream().flatMap(o -> o.lines().stream().map(l -> new Row(o, l))).toList();
    }

    /**
     * The day's summary box: every order placed that day counts, whatever became of it since; the amount is what its
     * lines paid, leaving out only cancelled lines (취소완료), whose payment is void. Requested cancels,
     * returns and exchanges stay in: they are refunded later, through settlement.
     */
    DayTotals totals(LocalDate day) {
        List<Order> orders = ordersOn(day);
        long amount = orders.stream().flatMap(o -> o.lines().stream()).filter(l -> !l.status().equals(CANCELLED))
                .mapToLong(Line::paid).sum();
        return new DayTotals(day, orders.size(), amount);
    }

    /** Totals of every day that has orders, oldest first. */
    List<DayTotals> dailyTotals() {
        return ordersByDay.keySet().stream().map(this::totals).filter(t -> t.orderCount() > 0).toList();
    }
}
