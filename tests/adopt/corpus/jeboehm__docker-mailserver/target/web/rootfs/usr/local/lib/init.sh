#!/bin/sh
# This script is used to initialize the container.
set -e

/usr/local/lib/init_database.sh
