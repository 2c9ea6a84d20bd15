omarchy-setup-lock
