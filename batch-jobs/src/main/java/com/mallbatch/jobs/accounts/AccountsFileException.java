package com.mallbatch.jobs.accounts;

/** The accounts file cannot be imported; the message names the file, the entry and what to change. */
public final class AccountsFileException extends RuntimeException {

    public AccountsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
