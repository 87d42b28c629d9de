package com.mallbatch.sandbox.cafe24;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated data of the most recently used malls, shared by all malls of a platform, so that a sandbox playing
 * a thousand malls holds only the few a client is reading at the moment; the least recently used is dropped first.
 */
final class MallDataCache {

    private final Map<String, MallData> recent;

    MallDataCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The cache must hold at least one mall, got " + capacity);
        }
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MallData> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The mall's data if still held, else null; a hit makes it the most recently used. */
    synchronized MallData get(String mallId) {
        return recent.get(mallId);
    }

    synchronized void put(String mallId, MallData data) {
        recent.put(mallId, data);
    }
}
