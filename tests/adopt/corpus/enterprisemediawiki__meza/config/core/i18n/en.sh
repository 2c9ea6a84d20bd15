#!/bin/sh
#
# i18n messages file for English

# PROMPTS
MSG_prompt_fqdn="Type the IP address or domain you'll use to get to your wiki"
MSG_prompt_private_net_zone="Type the private networking zone"
MSG_prompt_mysql_root_pass="Type your desired MySQL root password"
MSG_prompt_db_password="Type password for database"
MSG_prompt_enable_email="Type 'true' to enable email notifications, 'false' to disable"
MSG_prompt_mw_api_domain="Type domain or IP address of your wiki"
MSG_prompt_server_ip_address="Type IP address of this server"
MSG_prompt_app_server_ips="Type space-separated list of app-server IP addresses (or just 'localhost' if installing on one server)"
MSG_prompt_db_server_ips="Type space-separated list of database-server IP addresses (or just 'localhost' if DB is on app server)"
MSG_prompt_db_slave_password="Type the password used by replication (slave) servers"
MSG_prompt_db_slave_id="Each replication (slave) server needs a unique ID greater than 1. Pick a number"

# PROMPTS: DEV
MSG_prompt_dev_users="Type space-separated list of this server's users to apply settings to"
MSG_prompt_dev_git_user="Type full name of git user"
MSG_prompt_dev_git_user_email="Type email address of git user"

