package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.PageFieldFault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant field a {@link PageFieldFault} changes on a product page, as the center's ground truth tells it.
 *
 * @param row         the variant's row on the product page, from 1 (SKUs may be empty; options are unique per product)
 * @param trueValue   the field's true value (stock count, or extra price in won), as the ground truth's variant has it
 * @param shownValue  {@code DIFFERENT_VALUE}: the value shown instead; null for {@code UNPARSEABLE}
 * @param shownText   the text the page shows instead (JSON pages: the same, as a string where a number belongs)
 * @param rendersLeft {@code DIFFERENT_VALUE}: renders of the page still to show {@code shownValue} (0: it shows the
 *                    truth again); 0 for {@code UNPARSEABLE}, which lasts as long as the knob
 */
public record DriftedField(long productId, int row, String sku, String option, String field, PageFieldFault.Mode mode,
                           long trueValue, Long shownValue, String shownText, int rendersLeft) {

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", productId);
        m.put("row", row);
        m.put("sku", sku);
        m.put("option", option);
        m.put("field", field);
        m.put("mode", mode.name());
        m.put("trueValue", trueValue);
        m.put("shownValue", shownValue);
        m.put("shownText", shownText);
        m.put("rendersLeft", rendersLeft);
        return m;
    }
}
