#!/bin/bash
set -e

rm -rf /backups/output/*
rm -rf /backups/tmp/*
