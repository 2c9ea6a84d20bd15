int authenticate_contestant(const char *username, const char *password, const char **access_token);
int get_contestant_config(const char *access_token, const char **config_file);
