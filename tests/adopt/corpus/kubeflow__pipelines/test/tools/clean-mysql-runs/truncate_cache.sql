USE cachedb;

TRUNCATE execution_caches;
