#!/bin/bash

cd /usr/local/lib/tunasync
exec python3 /sync.py
