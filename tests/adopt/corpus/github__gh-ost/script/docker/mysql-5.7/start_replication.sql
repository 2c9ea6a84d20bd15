change master to master_host='mysql-primary', master_port=3307, master_user='repl', master_password='repl', master_auto_position=1;
start slave;
