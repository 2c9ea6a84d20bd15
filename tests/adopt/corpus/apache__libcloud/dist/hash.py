#!/usr/bin/env python3
#  Licensed to the Apache Software Foundation (ASF) under one
#  or more contributor license agreements.  See the NOTICE file
#  distributed with this work for additional information
#  regarding copyright ownership.  The ASF licenses this file
#  to you under the Apache License, Version 2.0 (the
#  "License"); you may not use this file except in compliance
#  with the License.  You may obtain a copy of the License at
#
#    http://www.apache.org/licenses/LICENSE-2.0
#
#  Unless required by applicable law or agreed to in writing,
#  software distributed under the License is distributed on an
#  "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
#  KIND, either express or implied.  See the License for the
#  specific language governing permissions and limitations
#  under the License.

"""Writes SHA-256 and SHA-512 hashes of files passed as arguments"""

import hashlib
import sys

for path in sys.argv[1:]:
    for ext, hash in [('sha256', hashlib.sha256), ('sha512', hashlib.sha512)]:
        written = '{}.{}'.format(path, ext)
        with open(path, 'rb') as fin, open(written, 'w') as fout:
            digest = hash(fin.read()).hexdigest()
            print('{} *{}'.format(digest, path), file=fout)
