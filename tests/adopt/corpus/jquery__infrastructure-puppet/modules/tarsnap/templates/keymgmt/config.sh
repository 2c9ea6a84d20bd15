#!/bin/sh
TARSNAP_KEYS_BASE_PATH="<%= @base_path %>"
TARSNAP_ACCOUNT_EMAIL="<%= @account_email %>"
