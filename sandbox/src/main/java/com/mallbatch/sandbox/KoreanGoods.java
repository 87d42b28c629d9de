package com.mallbatch.sandbox;

import java.util.Random;

/**
 * The seller's goods, the same on every mall and seller center: product {@code i} has the same name and seller code
 * everywhere, drawn from the seed.
 */
public final class KoreanGoods {

    private static final String[] STYLES = {"데일리", "베이직", "프리미엄", "오버핏", "슬림핏", "빈티지", "모던", "캐주얼"};
    private static final String[] MATERIALS = {"코튼", "린넨", "울", "데님", "니트", "실크", "폴리", "캐시미어"};
    private static final String[] ITEMS = {"반팔 티셔츠", "긴팔 티셔츠", "셔츠", "블라우스", "슬랙스", "청바지", "원피스",
            "가디건", "후드티", "맨투맨", "자켓", "코트", "스커트", "조거팬츠", "니트 조끼", "트렌치코트"};
    public static final String[] COLORS = {"블랙", "화이트", "네이비", "베이지", "그레이", "카키", "아이보리", "브라운", "핑크"};
    public static final String[] SIZES = {"S", "M", "L", "XL", "FREE"};
    public static final String[] MEMBERS = {"kimminji", "leejunho", "parksoyeon", "choiyuna", "jungwoo88", "hanbyul",
            "seoyeon_k", "daehyun2", "mirae77", "jisoo.lee"};

    private KoreanGoods() {
    }

    /** A generator for product {@code index}'s fixed traits (name, base price, variant count). */
    public static Random of(long seed, int index) {
        return new Random(seed * 104729 + index);
    }

    public static String name(Random goods) {
        return pick(goods, STYLES) + " " + pick(goods, MATERIALS) + " " + pick(goods, ITEMS);
    }

    /** The seller's own code for product {@code index}; a few products have none. */
    public static String sellerCode(int index) {
        return index % 17 == 5 ? "" : String.format("MB-%05d", index);
    }

    public static String sellerSku(String sellerCode, int variant) {
        return sellerCode.isEmpty() ? "" : sellerCode + String.format("-%02d", variant + 1);
    }

    /** "색상=블랙, 사이즈=M" style options of variant {@code v} of product {@code index}. */
    public static String option(int index, int v) {
        return "색상=" + COLORS[(index + v / SIZES.length) % COLORS.length] + ", 사이즈=" + SIZES[v % SIZES.length];
    }

    public static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
