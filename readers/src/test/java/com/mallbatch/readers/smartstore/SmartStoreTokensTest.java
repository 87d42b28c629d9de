package com.mallbatch.readers.smartstore;

import com.mallbatch.readers.MallApiException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client secret pasted wrong (not the bcrypt salt Naver hands out) fails the account with one line saying so. */
class SmartStoreTokensTest {

    @Test
    void aClientSecretThatIsNotABcryptSaltFailsWithOneLineSayingWhatToCopy() throws Exception {
        try (SmartStoreSandbox sandbox = SmartStoreSandbox.start(SmartStoreSandbox.config().withSmartStoreSellers(1))) {
            ItemStreamReader<?> reader = sandbox.extractors(SmartStoreSandbox.settings())
                    .products(sandbox.account("smartstore01", "copied-wrong"));
            reader.open(new ExecutionContext());

            assertThatThrownBy(reader::read).isInstanceOf(MallApiException.class)
                    .hasMessageStartingWith("The SmartStore client secret of acme/SMARTSTORE/smartstore01 is not a bcrypt salt")
                    .hasMessageContaining("copy the application secret from the Commerce API center as it is")
                    .hasMessageNotContaining("\n");
            assertThat(sandbox.seller("smartstore01").tokensIssued()).as("no token asked for with a bad signature").isZero();
        }
    }
}
