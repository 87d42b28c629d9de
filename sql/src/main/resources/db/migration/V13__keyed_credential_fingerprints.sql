-- Fingerprints of the accounts file's credentials become HMAC-SHA256 under a key derived from the secret key (the
-- plain SHA-256 let anyone who reads the table test password guesses offline). The old values cannot be re-keyed
-- without their plaintext, so they are cleared: at the next import an account takes the file's client credentials
-- (the file is their source anyway) and adopts the file's refresh token as already seen, keeping the newer, rotated
-- token it holds.
UPDATE mall_accounts SET credentials_source_hash = NULL, token_source_hash = NULL;
