package com.mallbatch.domain.port;

/** Where every failed page fetch is recorded, so no failed crawl vanishes without a trace. */
public interface FetchFailureLog {

    /**
     * @param httpStatus       the answer's status, or null when none came (I/O error, timeout)
     * @param stepExecutionId  the Spring Batch step execution the fetch ran in, or null outside one
     */
    record Failure(long accountId, String url, Integer httpStatus, String error, int attempt, Long stepExecutionId) {
    }

    void record(Failure failure);
}
