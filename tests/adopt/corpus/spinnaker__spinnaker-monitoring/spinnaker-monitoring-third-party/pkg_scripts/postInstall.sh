#!/usr/bin/env bash

chown -R root:root /opt/spinnaker-monitoring/third_party
