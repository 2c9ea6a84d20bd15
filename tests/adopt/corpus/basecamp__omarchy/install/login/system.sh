run_logged "$OMARCHY_INSTALL/login/sddm.sh"
