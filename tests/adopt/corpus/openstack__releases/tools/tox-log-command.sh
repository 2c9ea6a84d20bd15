#!/bin/bash
#
# Thin wrapper around list-changes to write a log file in addition to
# writing to stdout.
#
# All Rights Reserved.
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.

cmd=$(basename "$1" | cut -f1 -d.)

if [ -z "$LOGDIR" ]; then
    echo "LOGDIR variable not set."
    exit 1
fi

logfile="$LOGDIR/$cmd-results.log"

echo "Logging $cmd output to $logfile"

# Fail if any part of the pipe fails.
set -o pipefail

$@ 2>&1 | tee "$logfile"
