package com.mallbatch.admin.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's problems, as it words them, split into row, column, value and why. */
class ImportProblemTest {

    @Test
    void aBadCellIsSplitIntoRowColumnValueAndWhy() {
        assertThat(ImportProblem.of("costs.xlsx: row 4, column E (금액): '12,000원 정도' is not a number"))
                .isEqualTo(new ImportProblem("4", "E (금액)", "12,000원 정도", "is not a number"));
        assertThat(ImportProblem.of("costs.xlsx: row 3, column B (정산월): is empty"))
                .isEqualTo(new ImportProblem("3", "B (정산월)", null, "is empty"));
        assertThat(ImportProblem.of("costs.xlsx row 2, column A (몰 계정): 'nobody' is not one mall account"))
                .isEqualTo(new ImportProblem("2", "A (몰 계정)", "nobody", "is not one mall account"));
    }

    @Test
    void aProblemOfTheWholeFileKeepsItsText() {
        String duplicate = "costs.xlsx row 2 and costs.xlsx row 5 are both for 몰 계정 'a'; keep one of them";
        assertThat(ImportProblem.of(duplicate)).isEqualTo(new ImportProblem(null, null, null, duplicate));
    }
}
