package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.KoreanGoods;
import com.mallbatch.sandbox.SandboxConfig;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A crawl-only seller center's catalogue, stock and orders, generated from the seed. Prices are whole won. */
final class SellerCenterData {

    record Product(long id, String code, String name, long price, boolean selling, List<Variant> variants) {
    }

    /** {@code stockText} is what the page shows: "1,234", "0", "품절" or "일시품절". */
    record Variant(String option, String sku, int stock, String stockText, long extraPrice) {
    }

    record Order(String orderNo, LocalDateTime orderedAt, List<Line> lines) {
        long total() {
            return lines.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
        }
    }

    record Line(String lineNo, Product product, Variant variant, int quantity, String status) {
        long unitPrice() {
            return product.price() + variant.extraPrice();
        }
    }

    static final String[] SOLD_OUT_TEXTS = {"품절", "일시품절", "0"};

    final List<Product> products = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();

    SellerCenterData(SandboxConfig config, int centerIndex) {
        Random random = new Random(config.seed() * 6007 + centerIndex);
        for (int i = 0; i < config.productsPerMall(); i++) {
            Random goods = KoreanGoods.of(config.seed(), i);
            String name = KoreanGoods.name(goods);
            long price = 9_900 + goods.nextInt(800) * 100L + centerIndex * 500L;
            String code = KoreanGoods.sellerCode(i);
            int count = 1 + goods.nextInt(config.maxVariantsPerProduct());
            List<Variant> variants = new ArrayList<>();
            for (int v = 0; v < count; v++) {
                int stock = random.nextInt(8) == 0 ? 0 : random.nextInt(2_000);
                String text = stock == 0 ? SOLD_OUT_TEXTS[random.nextInt(SOLD_OUT_TEXTS.length)] : String.format("%,d", stock);
                variants.add(new Variant(count == 1 ? "단일상품" : KoreanGoods.option(i, v), KoreanGoods.sellerSku(code, v),
                        stock, text, v % 3 == 2 ? 2_000 : 0));
            }
            products.add(new Product(1_000 + i * 7L + centerIndex, code, name, price, random.nextInt(20) != 0, variants));
        }
        for (int age = config.historyDays(); age >= 0; age--) {
            LocalDate day = config.today().minusDays(age);
            Random daily = new Random(config.seed() * 7919 + centerIndex * 1_000_003L + day.toEpochDay());
            int count = (int) Math.round(config.ordersPerDay() * (0.8 + 0.4 * daily.nextDouble()));
            int[] seconds = daily.ints(count, 0, 86_400).sorted().toArray();
            for (int n = 0; n < count; n++) {
                String orderNo = "SC" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%04d", n + 1);
                String status = status(daily, age);
                List<Line> lines = new ArrayList<>();
                int lineCount = 1 + (daily.nextInt(4) == 0 ? 1 : 0);
                for (int l = 1; l <= lineCount; l++) {
                    Product product = products.get(daily.nextInt(products.size()));
                    lines.add(new Line(orderNo + "-" + l, product,
                            product.variants().get(daily.nextInt(product.variants().size())), 1 + daily.nextInt(3), status));
                }
                orders.add(new Order(orderNo, day.atStartOfDay().plusSeconds(seconds[n]), lines));
            }
        }
    }

    private static String status(Random random, int age) {
        int roll = random.nextInt(100);
        if (age == 0) {
            return roll < 50 ? "결제완료" : roll < 90 ? "배송준비중" : "취소완료";
        }
        if (age <= 2) {
            return roll < 50 ? "배송중" : roll < 90 ? "배송완료" : "취소완료";
        }
        return roll < 40 ? "배송완료" : roll < 80 ? "구매확정" : roll < 90 ? "반품완료" : roll < 95 ? "교환완료" : "취소완료";
    }

    List<Order> ordersOn(LocalDate day) {
        return orders.stream().filter(o -> o.orderedAt().toLocalDate().equals(day)).toList();
    }
}
