#!/bin/bash

"$(dirname "$0")/show_bootstrap_log.sh" bootkube.service
