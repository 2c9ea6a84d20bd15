#!/usr/bin/env bash
echo "$BAR Unlocking standby..."
rm -rf $STANDBY_ROLE_LOCK_FILE_NAME