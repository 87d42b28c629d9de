package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.KoreanGoods;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Category;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Coupon;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Item;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Option;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Variant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generates a mall's catalogue and order history from the seed. The same seller sells the same goods on every
 * mall, so product names and the seller's own codes (custom_product_code / custom_variant_code) repeat across malls
 * while each mall numbers them its own way.
 */
final class Cafe24DataGenerator {

    private static final String[] TOP_CATEGORIES = {"상의", "하의", "아우터", "원피스", "신발", "가방", "액세서리", "홈웨어"};
    private static final String[] SUB_CATEGORIES = {"티셔츠", "셔츠/블라우스", "팬츠", "스커트", "자켓", "코트", "니트", "트레이닝"};

    private final SandboxConfig config;
    private final int mallIndex;

    Cafe24DataGenerator(SandboxConfig config, int mallIndex) {
        this.config = config;
        this.mallIndex = mallIndex;
    }

    List<Category> categories() {
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < TOP_CATEGORIES.length; i++) {
            categories.add(new Category(24 + i, 1, 1, TOP_CATEGORIES[i]));
        }
        for (int i = 0; i < SUB_CATEGORIES.length; i++) {
            categories.add(new Category(50 + i, 2, topOf(i), SUB_CATEGORIES[i]));
        }
        return categories;
    }

    List<Product> products() {
        Random random = new Random(config.seed() * 7919 + mallIndex);
        List<Product> products = new ArrayList<>(config.productsPerMall());
        long productNo = 10 + mallIndex;
        LocalDateTime firstCreated = config.today().minusDays(400).atTime(9, 0);
        for (int i = 0; i < config.productsPerMall(); i++) {
            productNo += 1 + random.nextInt(3);
            Random goods = KoreanGoods.of(config.seed(), i); // same goods on every mall
            String name = KoreanGoods.name(goods);
            BigDecimal price = won(9_900 + goods.nextInt(800) * 100L + mallIndex * 100L);
            String productCode = code("P", productNo);
            LocalDateTime created = firstCreated.plusMinutes(i * 37L + random.nextInt(30));
            LocalDateTime updated = created.plusDays(random.nextInt(300)).plusMinutes(random.nextInt(600));
            String sellerCode = KoreanGoods.sellerCode(i);
            // the variant count comes right after the price, as on the seller centers, so the goods match
            List<Variant> variants = variants(random, goods, productCode, sellerCode, i);
            products.add(new Product(productNo, productCode, sellerCode, name, price,
                    price.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.TEN).setScale(-2, java.math.RoundingMode.HALF_UP).setScale(2),
                    random.nextInt(20) != 0, random.nextInt(25) != 0, categoryNos(random, goods), created,
                    updated.isAfter(config.today().atStartOfDay()) ? created : updated, variants));
        }
        return products;
    }

    /** A top category, or for a third of the products a sub category together with its top one. */
    private static List<Integer> categoryNos(Random random, Random goods) {
        if (random.nextInt(3) == 0) {
            int sub = goods.nextInt(SUB_CATEGORIES.length);
            return List.of(topOf(sub), 50 + sub);
        }
        return List.of(24 + goods.nextInt(TOP_CATEGORIES.length));
    }

    private static int topOf(int subIndex) {
        return 24 + subIndex % 3;
    }

    private List<Variant> variants(Random random, Random goods, String productCode, String sellerCode, int index) {
        int count = 1 + goods.nextInt(config.maxVariantsPerProduct());
        List<Variant> variants = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            List<Option> options = count == 1 ? List.of()
                    : List.of(new Option("색상", KoreanGoods.COLORS[(index + v / KoreanGoods.SIZES.length) % KoreanGoods.COLORS.length]),
                    new Option("사이즈", KoreanGoods.SIZES[v % KoreanGoods.SIZES.length]));
            int quantity = random.nextInt(10) == 0 ? 0 : random.nextInt(1_500);
            String sku = KoreanGoods.sellerSku(sellerCode, v);
            variants.add(new Variant(productCode + "000" + Character.toUpperCase(Character.forDigit(v + 10, 36)),
                    options, sku, true, random.nextInt(30) != 0, won(v % 3 == 2 ? 2_000 : 0),
                    random.nextInt(12) != 0, quantity, random.nextInt(5)));
        }
        return variants;
    }

    /** historyDays of orders up to and including today; what became of each is drawn into its items' timelines. */
    List<Order> orders(List<Product> products, ItemLifecycles lifecycles) {
        List<Order> orders = new ArrayList<>();
        for (int age = config.historyDays(); age >= 0; age--) {
            LocalDate day = config.today().minusDays(age);
            Random random = new Random(config.seed() * 31337 + mallIndex * 1_000_003L + day.toEpochDay());
            int count = (int) Math.round(config.ordersPerDay() * (0.8 + 0.4 * random.nextDouble()));
            int[] seconds = random.ints(count, 0, 86_400).sorted().toArray();
            for (int n = 0; n < count; n++) {
                orders.add(order(random, lifecycles, products, day, n + 1, day.atStartOfDay().plusSeconds(seconds[n])));
            }
        }
        return orders;
    }

    private Order order(Random random, ItemLifecycles lifecycles, List<Product> products, LocalDate day, int seq,
                        LocalDateTime orderedAt) {
        String orderId = day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%07d", seq);
        int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
        ItemLifecycles.Payment payment = ItemLifecycles.payment(random, orderedAt);
        List<Timeline> timelines = lifecycles.timelines(random, orderedAt, payment.paidAt(), lineCount);
        List<Item> items = new ArrayList<>(lineCount);
        for (int l = 1; l <= lineCount; l++) {
            Product product = products.get(random.nextInt(products.size()));
            Variant variant = product.variants().get(random.nextInt(product.variants().size()));
            int quantity = 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
            BigDecimal sellerDiscount = random.nextInt(6) == 0 ? won(1_000L * (1 + random.nextInt(3))) : won(0);
            BigDecimal coupon = random.nextInt(8) == 0 ? won(2_000) : won(0);
            items.add(new Item(l, orderId + String.format("-%02d", l), product, variant, quantity, sellerDiscount,
                    coupon, new AtomicReference<>(timelines.get(l - 1))));
        }
        BigDecimal gross = items.stream().map(Item::grossAmount).reduce(won(0), BigDecimal::add);
        BigDecimal shipping = gross.compareTo(won(50_000)) >= 0 ? won(0) : won(3_000);
        return new Order(orderId, KoreanGoods.pick(random, KoreanGoods.MEMBERS), orderedAt, payment.paidAt(),
                payment.method(), shipping, items);
    }

    List<Coupon> coupons() {
        return List.of(
                new Coupon("6069814123900000001", "신규회원 2,000원 할인", "C", won(2_000), null, config.today().minusDays(90).atTime(10, 0)),
                new Coupon("6069814123900000002", "가을 시즌 10% 할인", "B", null, new BigDecimal("10.00"), config.today().minusDays(40).atTime(10, 0)),
                new Coupon("6069814123900000003", "재구매 감사 1,000원", "C", won(1_000), null, config.today().minusDays(10).atTime(10, 0)));
    }

    /** Cafe24 style codes: a letter and seven base-36 characters, e.g. P00000BK. */
    private static String code(String prefix, long number) {
        String base36 = Long.toString(number, 36).toUpperCase();
        return prefix + "0".repeat(7 - base36.length()) + base36;
    }

    static BigDecimal won(long amount) {
        return BigDecimal.valueOf(amount).setScale(2);
    }
}
