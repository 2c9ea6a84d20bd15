#!/bin/sh

python ./ichnaea/scripts/datamap.py --create --upload
