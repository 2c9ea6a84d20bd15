#!/bin/bash
# SPDX-License-Identifier: Apache-2.0

. /etc/grafana/grizzly.env
/usr/bin/grr "$@"
