char *get_json_value(const char *json_str, const char *key);
