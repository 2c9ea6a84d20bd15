#!/bin/bash

# Copyright 2018 - 2023 Crunchy Data Solutions, Inc.
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
# http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"
$DIR/cleanup.sh

docker network create --driver bridge pgnet

docker run \
    -v backups:/pgdata \
    -e PGDUMP_HOST=primary \
    -e PGDUMP_DB=postgres \
    -e PGDUMP_USER=postgres\
    -e PGDUMP_PASS=password \
    --name=pgdump \
    --hostname=pgdump \
    --network=pgnet \
    -d $CCP_IMAGE_PREFIX/crunchy-pgdump:$CCP_IMAGE_TAG
