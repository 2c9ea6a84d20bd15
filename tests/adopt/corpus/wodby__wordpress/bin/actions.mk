-include /usr/local/bin/wordpress-php.mk

.PHONY: init

init:
	sudo -E init
