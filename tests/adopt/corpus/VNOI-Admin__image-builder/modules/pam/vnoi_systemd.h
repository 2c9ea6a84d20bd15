int restart_systemd_unit(const char *unit_name);
