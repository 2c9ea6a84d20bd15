#!/bin/sh

## ragarwal@kenzan.com

rm -rf /var/log/spinnaker/orca
