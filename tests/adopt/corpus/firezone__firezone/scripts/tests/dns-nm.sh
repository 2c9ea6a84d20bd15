#!/usr/bin/env bash

nslookup github.com
sudo apt-get install -y network-manager
nslookup github.com
