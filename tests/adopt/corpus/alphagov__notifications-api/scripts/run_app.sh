#!/bin/bash

set -e

source environment.sh
flask run -p 6011
