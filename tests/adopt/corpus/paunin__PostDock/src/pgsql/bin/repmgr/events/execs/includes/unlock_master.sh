#!/usr/bin/env bash
echo "$BAR Unlocking master..."
rm -rf $MASTER_ROLE_LOCK_FILE_NAME