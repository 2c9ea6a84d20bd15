#!/usr/bin/env bash
echo "$BAR Locking master..."
echo "$4" >> $MASTER_ROLE_LOCK_FILE_NAME