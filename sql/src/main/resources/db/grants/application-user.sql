-- The application's database user: the DML it needs and nothing else. It cannot TRUNCATE, DROP, ALTER or CREATE a
-- table, nor create or drop a trigger, so the guards on settlement snapshots, the settlement chain, differences and
-- ERP postings hold against it. Temporary tables are the bulk loader's staging area (mallbatch.load.mode).
-- Migrations run as the schema owner instead (spring.flyway.user). Same statements on MySQL 8 and MariaDB 10.11.
CREATE USER '${user}'@'%' IDENTIFIED BY '${password}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE TEMPORARY TABLES ON `${schema}`.* TO '${user}'@'%';
