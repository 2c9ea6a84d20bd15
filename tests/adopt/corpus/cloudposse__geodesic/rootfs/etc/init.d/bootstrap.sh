# Otherwise (if not Atlantis) present user with bootstrap script to stdout
gomplate -f /templates/bootstrap

boot wrapper
