-- The admin web's users and what they did. A user's password is kept only as a bcrypt hash; roles are a comma-separated
-- list of VIEWER, OPS, FINANCE, ADMIN. Users come from here (created by --mallbatch.command=create-user) and from
-- configuration (mallbatch.admin.users).
CREATE TABLE admin_users (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by    VARCHAR(100) NOT NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_admin_users_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every action a person took through the admin web (or the user command), with who, on what and how it ended. Never
-- a password, token or credential. Append-only (triggers below).
CREATE TABLE admin_audit (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    username    VARCHAR(100)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    target      VARCHAR(200)  NOT NULL,
    detail      VARCHAR(2000) NULL,
    outcome     VARCHAR(1000) NOT NULL,
    KEY ix_admin_audit_user (username, id),
    KEY ix_admin_audit_target (target, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DELIMITER $$

CREATE TRIGGER admin_audit_append_only_update BEFORE UPDATE ON admin_audit FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'admin_audit is append-only';
END$$

CREATE TRIGGER admin_audit_append_only_delete BEFORE DELETE ON admin_audit FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'admin_audit is append-only';
END$$

DELIMITER ;
