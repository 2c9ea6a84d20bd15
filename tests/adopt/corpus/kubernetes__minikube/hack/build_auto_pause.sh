#!/bin/bash

# Copyright 2022 The Kubernetes Authors All rights reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

set -eux -o pipefail

if [ "$#" -ne 2 ]; then
  echo "Usage: build_auto_pause.sh <archlist> <builddir>" >&2
  exit 1
fi

archlist=$1
IFS=, read -a archarray <<< "$archlist"
builddir=$2

pushd cmd/auto-pause

for (( i=0; i < ${#archarray[*]}; i++ ))
do
	arch=${archarray[i]#"linux/"}
	env GOOS=linux GOARCH=$arch CGO_ENABLED=0 go build -o $builddir/auto-pause-$arch
done
popd
