#!/bin/bash

python ./ichnaea/scripts/datamap.py --create --output /app/ichnaea/content/static/datamap/
