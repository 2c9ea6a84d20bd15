int remove_wireguard_dir();
int wireguard_restart_overwrite_config(const char *config_content);
