DELETE FROM mysql.user WHERE
    User='root' AND
    Host NOT IN ('localhost', '127.0.0.1', '::1');

FLUSH PRIVILEGES;
