#!/bin/bash

pip install -r /app/requirements/local.txt
tox
