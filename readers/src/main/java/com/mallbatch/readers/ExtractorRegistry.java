package com.mallbatch.readers;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Finds the adapter for an account's platform. */
public final class ExtractorRegistry {

    private final Map<Platform, MallExtractors> byPlatform = new EnumMap<>(Platform.class);

    public ExtractorRegistry(List<MallExtractors> extractors) {
        extractors.forEach(e -> byPlatform.put(e.platform(), e));
    }

    public MallExtractors forAccount(MallAccount account) {
        MallExtractors extractors = byPlatform.get(account.platform());
        if (extractors == null) {
            throw new IllegalStateException("No adapter for platform " + account.platform() + " (account "
                    + account.label() + ")");
        }
        return extractors;
    }
}
