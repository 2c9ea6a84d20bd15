usermod -aG docker "$OMARCHY_INSTALL_USER"
