#!/usr/bin/env bash
# Licensed to the Apache Software Foundation (ASF) under one
# or more contributor license agreements.  See the NOTICE file
# distributed with this work for additional information
# regarding copyright ownership.  The ASF licenses this file
# to you under the Apache License, Version 2.0 (the
# "License"); you may not use this file except in compliance
# with the License.  You may obtain a copy of the License at
#
#   http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing,
# software distributed under the License is distributed on an
# "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
# KIND, either express or implied.  See the License for the
# specific language governing permissions and limitations
# under the License.

set-dns.sh
insert-self-into-dns.sh
set -o monitor #enable job control
docker-entrypoint.sh postgres &

source /to-access.sh
# Enroll with traffic ops
TO_URL="https://$TO_FQDN:$TO_PORT"
to-enroll db ALL '' 5432 5432 || (while true; do echo "enroll failed."; sleep 3 ; done)
fg;
