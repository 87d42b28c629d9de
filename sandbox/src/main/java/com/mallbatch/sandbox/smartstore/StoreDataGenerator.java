package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.KoreanGoods;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.smartstore.Lifecycle.Claim;
import com.mallbatch.sandbox.smartstore.Lifecycle.Event;
import com.mallbatch.sandbox.smartstore.StoreData.Address;
import com.mallbatch.sandbox.smartstore.StoreData.Category;
import com.mallbatch.sandbox.smartstore.StoreData.Option;
import com.mallbatch.sandbox.smartstore.StoreData.Order;
import com.mallbatch.sandbox.smartstore.StoreData.Product;
import com.mallbatch.sandbox.smartstore.StoreData.ProductOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generates a SmartStore seller's catalogue and order history from the seed. Product {@code i} is the same goods
 * (name, base price, option count, seller codes) as product {@code i} of every Cafe24 mall and seller center.
 * <p>
 * Several product orders change at the very same millisecond, as they do when the platform or the seller works in
 * batches: the product orders of one order are paid together; the seller uploads tracking numbers twice a day (11:00
 * and 16:00), dispatching everything confirmed by then at once; and the platform decides purchases automatically in
 * a nightly batch (04:00) eight days after delivery. A client paging through last-changed-statuses therefore meets
 * long runs of equal {@code lastChangedDate}s that only {@code moreSequence} tells apart.
 */
final class StoreDataGenerator {

    static final LocalTime[] DISPATCH_BATCHES = {LocalTime.of(11, 0), LocalTime.of(16, 0)};
    static final LocalTime AUTO_DECISION_BATCH = LocalTime.of(4, 0);
    static final Duration AUTO_DECISION_AFTER = Duration.ofDays(8);

    private static final Category[] CATEGORIES = {
            new Category("50000803", "50000000>50000167>50000803", "패션의류>여성의류>티셔츠"),
            new Category("50000805", "50000000>50000167>50000805", "패션의류>여성의류>블라우스/셔츠"),
            new Category("50000810", "50000000>50000167>50000810", "패션의류>여성의류>바지"),
            new Category("50000807", "50000000>50000167>50000807", "패션의류>여성의류>원피스"),
            new Category("50000830", "50000000>50000169>50000830", "패션의류>남성의류>티셔츠"),
            new Category("50000836", "50000000>50000169>50000836", "패션의류>남성의류>바지"),
            new Category("50000815", "50000000>50000167>50000815", "패션의류>여성의류>재킷"),
            new Category("50000813", "50000000>50000167>50000813", "패션의류>여성의류>코트")};
    private static final String[] BRANDS = {"무브앤코", "데일리룸", "소소웨어", "에이블핏"};
    private static final String[] NAMES = {"김민지", "이준호", "박소연", "최유나", "정우성", "한별", "강서연", "윤대현", "임미래", "이지수"};
    private static final String[] ROADS = {"서울특별시 강남구 테헤란로 ", "서울특별시 마포구 월드컵북로 ", "경기도 성남시 분당구 판교역로 ",
            "부산광역시 해운대구 센텀중앙로 ", "인천광역시 연수구 컨벤시아대로 "};
    private static final String[] PAYMENT_MEANS = {"신용카드 간편결제", "신용카드", "계좌 간편결제", "포인트결제"};

    private final SandboxConfig config;
    private final int sellerIndex;

    StoreDataGenerator(SandboxConfig config, int sellerIndex) {
        this.config = config;
        this.sellerIndex = sellerIndex;
    }

    List<Product> products() {
        Random random = new Random(config.seed() * 6_700_417L + sellerIndex * 131L + 7);
        List<Product> products = new ArrayList<>(config.productsPerMall());
        long originNo = 9_000_000_000L + sellerIndex * 10_000_000L;
        LocalDateTime firstRegistered = config.today().minusDays(420).atTime(10, 0);
        for (int i = 0; i < config.productsPerMall(); i++) {
            originNo += 1 + random.nextInt(5);
            long channelNo = originNo + 1_300_000_000L;
            Random goods = KoreanGoods.of(config.seed(), i); // the same draws, in the same order, as the Cafe24 malls
            String name = KoreanGoods.name(goods);
            long salePrice = 9_900 + goods.nextInt(800) * 100L;
            int optionCount = 1 + goods.nextInt(config.maxVariantsPerProduct());
            String sellerCode = KoreanGoods.sellerCode(i);
            boolean stockManaged = random.nextInt(8) != 0;
            List<Option> options = new ArrayList<>();
            if (optionCount > 1) {
                for (int v = 0; v < optionCount; v++) {
                    int stock = !stockManaged ? 9_999 : random.nextInt(9) == 0 ? 0 : random.nextInt(800);
                    String sku = KoreanGoods.sellerSku(sellerCode, v);
                    options.add(new Option(20_000_000_000L + sellerIndex * 100_000_000L + i * 100L + v,
                            KoreanGoods.COLORS[(i + v / KoreanGoods.SIZES.length) % KoreanGoods.COLORS.length],
                            KoreanGoods.SIZES[v % KoreanGoods.SIZES.length], stock, v % 3 == 2 ? 2_000 : 0,
                            sku.isEmpty() ? null : sku, random.nextInt(25) != 0));
                }
            }
            int productStock = optionCount > 1 ? 0 : random.nextInt(9) == 0 ? 0 : random.nextInt(1_500);
            long discount = random.nextInt(4) == 0 ? (1 + random.nextInt(3)) * 1_000L : 0;
            LocalDateTime registered = firstRegistered.plusMinutes(i * 41L + random.nextInt(30)).plusNanos(random.nextInt(1000) * 1_000_000L);
            LocalDateTime modified = registered.plusDays(random.nextInt(380)).plusMinutes(random.nextInt(600));
            if (!modified.isBefore(config.today().atStartOfDay())) {
                modified = registered;
            }
            boolean soldOut = optionCount > 1 ? stockManaged && options.stream().allMatch(o -> o.stockQuantity() == 0)
                    : productStock == 0;
            String status = status(random, soldOut);
            products.add(new Product(i, originNo, channelNo, name, sellerCode.isEmpty() ? null : sellerCode, salePrice,
                    discount, status, status.equals("SUSPENSION") || status.equals("PROHIBITION") ? "SUSPENSION" : "ON",
                    optionCount > 1 ? stockManaged : true, productStock, List.copyOf(options),
                    CATEGORIES[goods.nextInt(CATEGORIES.length)], BRANDS[i % BRANDS.length], registered, modified));
        }
        return products;
    }

    /** Mostly on sale; OUTOFSTOCK exactly when nothing is left; a few suspended, closed, waiting or prohibited. */
    private static String status(Random random, boolean soldOut) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return "SUSPENSION";
        }
        if (roll < 6) {
            return "CLOSE";
        }
        if (roll == 6) {
            return "WAIT";
        }
        if (roll == 7) {
            return "PROHIBITION";
        }
        return soldOut ? "OUTOFSTOCK" : "SALE";
    }

    /** historyDays of orders up to and including today; what becomes of each product order is drawn now. */
    List<Order> orders(List<Product> products) {
        List<Product> orderable = products.stream()
                .filter(p -> !p.statusType().equals("WAIT") && !p.statusType().equals("PROHIBITION")).toList();
        List<Order> orders = new ArrayList<>();
        if (orderable.isEmpty()) {
            return orders;
        }
        for (int age = config.historyDays(); age >= 0; age--) {
            LocalDate day = config.today().minusDays(age);
            Random random = new Random(config.seed() * 2_147_483_647L + sellerIndex * 1_000_033L + day.toEpochDay());
            int count = (int) Math.round(config.ordersPerDay() * (0.8 + 0.4 * random.nextDouble()));
            long[] millis = random.longs(count, 0, 86_400_000L).sorted().toArray();
            int sequence = 1;
            for (int n = 0; n < count; n++) {
                Order order = order(random, orderable, day, sequence, day.atStartOfDay().plusNanos(millis[n] * 1_000_000L));
                orders.add(order);
                sequence += 1 + order.productOrders().size();
            }
        }
        return orders;
    }

    private Order order(Random random, List<Product> products, LocalDate day, int sequence, LocalDateTime orderedAt) {
        String orderId = id(day, sequence);
        int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2));
        // 1 in 8 pays by virtual account (무통장입금): the product orders wait for the deposit, 1 to 60 hours
        boolean deposit = random.nextInt(8) == 0;
        LocalDateTime paidAt = deposit ? orderedAt.plusMinutes(60 + random.nextInt(59 * 60)).plusNanos(random.nextInt(1000) * 1_000_000L)
                : orderedAt.plusNanos((2_000 + random.nextInt(28_000)) * 1_000_000L);
        LocalDateTime placedAt = paidAt.plusMinutes(30 + random.nextInt(8 * 60)).plusSeconds(random.nextInt(60));
        LocalDateTime dispatchAt = nextBatch(placedAt.plusHours(1), random.nextInt(3) == 0 ? 1 : 0);
        LocalDateTime deliveredAt = dispatchAt.toLocalDate().plusDays(1 + random.nextInt(3))
                .atTime(9, 0).plusNanos((long) random.nextInt(12 * 3_600_000) * 1_000_000L);
        int member = random.nextInt(KoreanGoods.MEMBERS.length);
        Address address = new Address(NAMES[member], "010-" + (2000 + member * 731 % 8000) + "-" + (1000 + random.nextInt(9000)),
                String.format("%05d", 1000 + random.nextInt(60000)), ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(400)),
                (101 + random.nextInt(20)) + "동 " + (101 + random.nextInt(1500)) + "호");
        List<ProductOrder> productOrders = new ArrayList<>(lineCount);
        List<Product> picked = new ArrayList<>();
        List<Option> pickedOptions = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        long total = 0;
        for (int l = 0; l < lineCount; l++) {
            Product product = products.get(random.nextInt(products.size()));
            List<Option> usable = product.options().stream().filter(Option::usable).toList();
            Option option = usable.isEmpty() ? null : usable.get(random.nextInt(usable.size()));
            int quantity = 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
            picked.add(product);
            pickedOptions.add(option);
            quantities.add(quantity);
            total += (product.discountedPrice() + (option == null ? 0 : option.price())) * quantity;
        }
        long deliveryFee = total >= 50_000 ? 0 : 3_000;
        Order order = new Order(orderId, orderedAt, deposit ? "무통장입금" : PAYMENT_MEANS[random.nextInt(PAYMENT_MEANS.length)],
                deposit ? orderedAt.plusDays(3) : null, KoreanGoods.MEMBERS[member].substring(0, 4) + "****",
                String.valueOf(100_000_000 + member * 7_919), NAMES[member], address.tel1(),
                random.nextInt(3) == 0 ? "PC" : "MOBILE", address, productOrders);
        for (int l = 0; l < lineCount; l++) {
            String productOrderId = id(day, sequence + 1 + l);
            Lifecycle lifecycle = lifecycle(random, productOrderId, orderedAt, deposit, paidAt, placedAt, dispatchAt, deliveredAt);
            productOrders.add(new ProductOrder(productOrderId, order, picked.get(l), pickedOptions.get(l), quantities.get(l),
                    l == 0 ? deliveryFee : 0, random.nextInt(10) < 6 ? "NAVER_SHOPPING" : "SMARTSTORE",
                    new AtomicReference<>(lifecycle)));
        }
        return order;
    }

    /**
     * One product order's life: paid (after a wait for a deposit), confirmed, dispatched, delivered, then decided by
     * the buyer or automatically; or cancelled before dispatch (at once before the seller confirmed, else on the
     * seller's approval), returned or exchanged after delivery. Each product order draws its own fate, so orders end
     * up partly cancelled or returned.
     */
    private Lifecycle lifecycle(Random random, String productOrderId, LocalDateTime orderedAt, boolean deposit,
                                LocalDateTime paidAt, LocalDateTime placedAt, LocalDateTime dispatchAt,
                                LocalDateTime deliveredAt) {
        List<Event> events = new ArrayList<>();
        if (deposit) {
            events.add(new Event(Step.PAY_WAITING, orderedAt));
        }
        events.add(new Event(Step.PAYED, paidAt));
        int fate = random.nextInt(100);
        if (fate < 6) {
            long window = Math.max(1, Duration.between(paidAt, dispatchAt).toMinutes() - 30);
            LocalDateTime requestedAt = paidAt.plusMinutes(1 + random.nextInt((int) Math.min(window, Integer.MAX_VALUE)))
                    .plusNanos(random.nextInt(1000) * 1_000_000L);
            Claim claim = new Claim("CANCEL", claimId(productOrderId), "INTENT_CHANGED", requestedAt);
            if (requestedAt.isBefore(placedAt)) {
                // before the seller confirmed the order, a buyer's cancel completes at once
                events.add(new Event(Step.CANCEL_REQUESTED, requestedAt));
                events.add(new Event(Step.CANCEL_DONE, requestedAt));
            } else {
                events.add(new Event(Step.PLACED, placedAt));
                events.add(new Event(Step.CANCEL_REQUESTED, requestedAt));
                events.add(new Event(Step.CANCEL_DONE, requestedAt.plusMinutes(60 + random.nextInt(7 * 60))));
            }
            return new Lifecycle(events, claim);
        }
        events.add(new Event(Step.PLACED, placedAt));
        events.add(new Event(Step.DISPATCHED, dispatchAt));
        events.add(new Event(Step.DELIVERED, deliveredAt));
        int after = random.nextInt(100);
        if (after < 6) {
            LocalDateTime requestedAt = deliveredAt.plusMinutes(120 + random.nextInt(days(7) - 240));
            LocalDateTime collected = requestedAt.plusMinutes(days(1) + random.nextInt(days(2)));
            events.add(new Event(Step.RETURN_REQUESTED, requestedAt));
            events.add(new Event(Step.RETURN_COLLECT_DONE, collected));
            events.add(new Event(Step.RETURN_DONE, collected.plusMinutes(240 + random.nextInt(days(2)))));
            String reason = new String[]{"INTENT_CHANGED", "COLOR_AND_SIZE", "BROKEN", "WRONG_DELIVERY"}[random.nextInt(4)];
            return new Lifecycle(events, new Claim("RETURN", claimId(productOrderId), reason, requestedAt));
        }
        if (after < 9) {
            LocalDateTime requestedAt = deliveredAt.plusMinutes(120 + random.nextInt(days(5)));
            LocalDateTime collected = requestedAt.plusMinutes(days(1) + random.nextInt(days(2)));
            LocalDateTime redelivering = collected.plusMinutes(120 + random.nextInt(28 * 60));
            LocalDateTime done = redelivering.plusMinutes(days(1) + random.nextInt(days(2)));
            events.add(new Event(Step.EXCHANGE_REQUESTED, requestedAt));
            events.add(new Event(Step.EXCHANGE_COLLECT_DONE, collected));
            events.add(new Event(Step.EXCHANGE_REDELIVERING, redelivering));
            events.add(new Event(Step.EXCHANGE_DONE, done));
            events.add(new Event(Step.PURCHASE_DECIDED, autoDecision(done)));
            return new Lifecycle(events, new Claim("EXCHANGE", claimId(productOrderId), "COLOR_AND_SIZE", requestedAt));
        }
        LocalDateTime decidedAt = after < 55
                ? deliveredAt.plusMinutes(60 + random.nextInt(days(7))).plusNanos(random.nextInt(1000) * 1_000_000L)
                : autoDecision(deliveredAt);
        events.add(new Event(Step.PURCHASE_DECIDED, decidedAt));
        return new Lifecycle(events, null);
    }

    /** The nightly batch that decides purchases: the first 04:00:00.000 at least eight days after {@code from}. */
    static LocalDateTime autoDecision(LocalDateTime from) {
        LocalDateTime due = from.plus(AUTO_DECISION_AFTER);
        LocalDateTime batch = due.toLocalDate().atTime(AUTO_DECISION_BATCH);
        return batch.isBefore(due) ? batch.plusDays(1) : batch;
    }

    /** The first tracking-number upload at or after {@code from}, then {@code skip} more. */
    static LocalDateTime nextBatch(LocalDateTime from, int skip) {
        LocalDate day = from.toLocalDate();
        int found = -1;
        while (true) {
            for (LocalTime batch : DISPATCH_BATCHES) {
                LocalDateTime at = day.atTime(batch);
                if (!at.isBefore(from) && ++found == skip) {
                    return at;
                }
            }
            day = day.plusDays(1);
        }
    }

    /** A 16-digit number: the day, the seller, a sequence; order and product-order ids share it, as on Naver. */
    private String id(LocalDate day, int sequence) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%02d%06d", sellerIndex % 100, sequence);
    }

    /** A product order has one claim at most, so its claimId comes from its own id: another 16-digit number. */
    static String claimId(String productOrderId) {
        return productOrderId.substring(2) + "01";
    }

    private static int days(int n) {
        return n * 24 * 60;
    }
}
