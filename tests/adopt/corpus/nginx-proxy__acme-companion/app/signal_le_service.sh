#!/bin/bash

# Using busybox pkill
pkill -USR1 -f letsencrypt_service
