package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.VariantStock;

import java.time.LocalDate;
import java.util.List;

/** Re-reads products' pages on the mall now, outside any collect: their variants as the pages show them. */
@FunctionalInterface
public interface PageRereads {

    List<VariantStock> reread(MallAccount account, List<String> productNos, LocalDate businessDate);
}
